import { Controller } from '@nestjs/common';
import {
  DeploymentOperations as Ops,
  type DeploymentDto,
  type OperationInput,
  type RequestMeta,
} from '@platform/contracts';
import {
  DeploymentNotFoundError,
  gateOf,
  InvalidPromotionError,
  nextEnvironment,
  NoActiveDeploymentError,
  type Slot,
} from '@platform/deployments-domain';
import { RpcOperation } from '@platform/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { toDeploymentDto } from '../deployment.mapper';
import { AssistantCatalog } from '../infrastructure/assistant-catalog';
import { DeploymentReadRepository } from '../infrastructure/deployment-read.repository';
import { SlotWriter } from '../infrastructure/slot-writer';

/** The answer: the deployment a command is about, as it is afterwards. */
const answer =
  (id: string) =>
  (slot: Slot): DeploymentDto => {
    const d = slot.deployments.find((x) => x.id === id);
    if (!d) throw new DeploymentNotFoundError(id);
    return toDeploymentDto(d);
  };

/**
 * Every deployment command. Deploying and promoting read the assistant from the assistants service first (the
 * readiness checks and the snapshot); rolling back, reporting and scaling need only the slot's own deployments, so
 * they keep working while the assistants service is away.
 */
@Controller()
export class DeploymentCommands {
  constructor(
    private readonly writer: SlotWriter,
    private readonly read: DeploymentReadRepository,
    private readonly assistants: AssistantCatalog,
  ) {}

  @RpcOperation(Ops.deploy)
  async deploy({ params, body }: OperationInput<typeof Ops.deploy>, meta: RequestMeta): Promise<DeploymentDto> {
    const { environment } = body;
    const [reading, gateVersion] = await Promise.all([
      this.assistants.read(params.id, meta),
      this.gateVersion(params.id, environment),
    ]);
    const { assistant, snapshot, systemPrompt } = reading;
    const deploymentId = uuidv7();
    return this.writer.execute(
      { assistantId: params.id, environment },
      meta,
      'StartDeployment',
      (_, now) => ({
        type: 'StartDeployment',
        deploymentId,
        now,
        actorId: meta.actorId,
        assistantId: params.id,
        ownerId: assistant.ownerId,
        environment,
        kind: 'deploy',
        manual: body.manual ?? false,
        snapshot,
        resources: body.resources ?? {},
        promotedFromDeploymentId: null,
        notes: body.notes ?? null,
        readiness: {
          environment,
          assistantVersion: assistant.version,
          assistantStatus: assistant.status,
          configuration: assistant.configuration,
          systemPrompt,
          gateVersion,
        },
      }),
      answer(deploymentId),
    );
  }

  @RpcOperation(Ops.promote)
  async promote({ params, body }: OperationInput<typeof Ops.promote>, meta: RequestMeta): Promise<DeploymentDto> {
    const { fromEnvironment: from, toEnvironment: to } = body;
    const next = nextEnvironment(from);
    if (next !== to) {
      throw new InvalidPromotionError(
        'toEnvironment',
        next ? `${from} promotes only to ${next}` : `${from} is the last stage: there is nothing to promote to`,
      );
    }
    // The assistant as it is now decides whether it may run at all; what runs is the source's snapshot, unchanged.
    const [assistant, source] = await Promise.all([
      this.assistants.assistant(params.id, meta),
      this.read.active(params.id, from),
    ]);
    if (!source) throw new NoActiveDeploymentError(params.id, from);
    const deploymentId = uuidv7();
    return this.writer.execute(
      { assistantId: params.id, environment: to },
      meta,
      'StartDeployment',
      (_, now) => ({
        type: 'StartDeployment',
        deploymentId,
        now,
        actorId: meta.actorId,
        assistantId: params.id,
        ownerId: source.ownerId,
        environment: to,
        kind: 'promotion',
        manual: false,
        snapshot: source.snapshot,
        resources: body.resources ?? {},
        promotedFromDeploymentId: source.id,
        notes: body.notes ?? null,
        readiness: {
          environment: to,
          assistantVersion: source.assistantVersion,
          assistantStatus: assistant.status,
          configuration: source.snapshot.configuration,
          systemPrompt: { composes: true },
          gateVersion: gateOf(to) === from ? source.assistantVersion : null,
        },
      }),
      answer(deploymentId),
    );
  }

  @RpcOperation(Ops.rollback)
  rollback({ params, body }: OperationInput<typeof Ops.rollback>, meta: RequestMeta): Promise<DeploymentDto> {
    const deploymentId = uuidv7();
    return this.writer.execute(
      { assistantId: params.id, environment: body.environment },
      meta,
      'RollBackDeployment',
      (_, now) => ({
        type: 'RollBackDeployment',
        deploymentId,
        now,
        actorId: meta.actorId,
        environment: body.environment,
        toDeploymentId: body.toDeploymentId ?? null,
        notes: body.notes ?? null,
      }),
      answer(deploymentId),
    );
  }

  @RpcOperation(Ops.reportStatus)
  async reportStatus({ params, body }: OperationInput<typeof Ops.reportStatus>, meta: RequestMeta) {
    const d = await this.read.get(params.deploymentId, meta);
    if (!d) throw new DeploymentNotFoundError(params.deploymentId);
    return this.writer.execute(
      { assistantId: d.assistantId, environment: d.environment },
      meta,
      'ReportDeploymentStatus',
      (_, now) => ({
        type: 'ReportDeploymentStatus',
        deploymentId: d.id,
        now,
        actorId: meta.actorId,
        status: body.status,
        reason: body.reason ?? null,
      }),
      answer(d.id),
    );
  }

  @RpcOperation(Ops.scale)
  scale({ params, body }: OperationInput<typeof Ops.scale>, meta: RequestMeta): Promise<DeploymentDto> {
    const { environment, ...resources } = body;
    return this.writer.execute(
      { assistantId: params.id, environment },
      meta,
      'ScaleDeployment',
      (_, now) => ({
        type: 'ScaleDeployment',
        now,
        actorId: meta.actorId,
        assistantId: params.id,
        environment,
        resources,
      }),
      (slot) => {
        const active = slot.deployments.find((d) => d.status === 'active');
        if (!active) throw new NoActiveDeploymentError(params.id, environment);
        return toDeploymentDto(active);
      },
    );
  }

  /** The assistant version active in the stage a deployment to `environment` must match, if it has one. */
  private async gateVersion(assistantId: string, environment: DeploymentDto['environment']): Promise<number | null> {
    const gate = gateOf(environment);
    return gate ? ((await this.read.active(assistantId, gate))?.assistantVersion ?? null) : null;
  }
}
