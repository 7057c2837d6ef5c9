import { Controller, Inject } from '@nestjs/common';
import { PromptOperations, type LinkedAssistantDto, type OperationInput } from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { RpcOperation } from '@platform/service-kit';
import type { Pool } from 'pg';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';

@Controller()
export class LinkedAssistantsQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly prompts: PromptReadRepository,
  ) {}

  /** Every assistant linked to the prompt (archived ones included, marked by their status), with role and pin. */
  @RpcOperation(PromptOperations.linkedAssistants)
  async linked({
    params: { promptId },
  }: OperationInput<typeof PromptOperations.linkedAssistants>): Promise<{ data: LinkedAssistantDto[] }> {
    await this.prompts.require(promptId);
    const { rows } = await this.pool.query<LinkedAssistantDto>(
      `SELECT l.assistant_id AS "assistantId", v.name, v.status, l.role, l.priority, l.pin
       FROM assistant_prompt_links l JOIN assistant_view v ON v.id = l.assistant_id
       WHERE l.prompt_id = $1 ORDER BY v.name, l.assistant_id`,
      [promptId],
    );
    return { data: rows };
  }
}
