import { Controller } from '@nestjs/common';
import {
  canSee,
  DEPLOYMENT_ENVIRONMENTS,
  DeploymentOperations as Ops,
  type ActiveDeploymentDto,
  type DeploymentStatusOverviewDto,
  type EnvironmentListDto,
  type OperationInput,
  type RequestMeta,
} from '@platform/contracts';
import { AssistantNotFoundError, PIPELINE } from '@platform/deployments-domain';
import { RpcOperation } from '@platform/service-kit';
import { toDeploymentDto, toEnvironmentDeploymentDto } from '../deployment.mapper';
import { AssistantCatalog } from '../infrastructure/assistant-catalog';
import { DeploymentReadRepository } from '../infrastructure/deployment-read.repository';

/** Reads over the deployment view: the pipeline, an assistant's history, its status per environment. */
@Controller()
export class DeploymentQueries {
  constructor(
    private readonly read: DeploymentReadRepository,
    private readonly assistants: AssistantCatalog,
  ) {}

  @RpcOperation(Ops.environments)
  environments(): EnvironmentListDto {
    return { data: PIPELINE.map((e) => ({ ...e, requires: e.requires.map((r) => ({ ...r })) })) };
  }

  @RpcOperation(Ops.history)
  async history({ params, query }: OperationInput<typeof Ops.history>, meta: RequestMeta) {
    await this.visible(params.id, meta);
    return this.read.history(params.id, query);
  }

  @RpcOperation(Ops.status)
  async status({ params }: OperationInput<typeof Ops.status>, meta: RequestMeta): Promise<DeploymentStatusOverviewDto> {
    // One query: whose the deployments are, and what serves or is on its way in each environment.
    const { owner, live } = await this.read.status(params.id);
    if (owner === undefined) await this.assistants.assistant(params.id, meta);
    else if (!canSee(meta, owner)) throw new AssistantNotFoundError(params.id);
    const environments = Object.fromEntries(
      DEPLOYMENT_ENVIRONMENTS.map((env) => {
        const current = live.find((d) => d.environment === env);
        return [env, current ? toEnvironmentDeploymentDto(current) : null];
      }),
    ) as DeploymentStatusOverviewDto['environments'];
    return { assistantId: params.id, environments };
  }

  @RpcOperation(Ops.active)
  async active({ params, query }: OperationInput<typeof Ops.active>, meta: RequestMeta): Promise<ActiveDeploymentDto> {
    const d = await this.read.active(params.id, query.environment);
    return { deployment: d && canSee(meta, d.ownerId) ? toDeploymentDto(d) : null };
  }

  /**
   * Whether the assistant exists for this caller: its deployments say whose it is; without any, the assistants
   * service answers (another owner's assistant, or none at all, is a 404 either way).
   */
  private async visible(assistantId: string, meta: RequestMeta): Promise<void> {
    const owner = await this.read.ownerOf(assistantId);
    if (owner === undefined) await this.assistants.assistant(assistantId, meta);
    else if (!canSee(meta, owner)) throw new AssistantNotFoundError(assistantId);
  }
}
