import { Controller, Inject } from '@nestjs/common';
import {
  ownerScope,
  PromptOperations,
  type LinkedAssistantDto,
  type OperationInput,
  type Page,
  type RequestMeta,
} from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { CursorSchemas, Paging, RpcOperation } from '@platform/service-kit';
import type { Pool } from 'pg';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';

@Controller()
export class LinkedAssistantsQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly prompts: PromptReadRepository,
    private readonly paging: Paging,
  ) {}

  /**
   * The assistants linked to the prompt (archived ones included, marked by their status), with role and pin, by
   * name. Any number of assistants may use one prompt, so this list pages.
   */
  @RpcOperation(PromptOperations.linkedAssistants)
  async linked(
    { params: { promptId }, query: q }: OperationInput<typeof PromptOperations.linkedAssistants>,
    meta: RequestMeta,
  ): Promise<Page<LinkedAssistantDto>> {
    await this.prompts.require(promptId, meta);
    const params: unknown[] = [promptId];
    const scope = ownerScope(meta);
    const ownerFilter = scope === undefined ? '' : `AND v.owner_id = $${params.push(scope)}`;
    const after = this.paging.decode(q.cursor, CursorSchemas.lastId);
    // The last assistant shown is looked up again for its name: (name, id) is the order.
    const cursorFilter = after
      ? `AND (v.name, v.id) > (SELECT a.name, a.id FROM assistant_view a WHERE a.id = $${params.push(after.i)})`
      : '';
    const { rows } = await this.pool.query<LinkedAssistantDto>(
      `SELECT l.assistant_id AS "assistantId", v.name, v.status, l.role, l.priority, l.pin
       FROM assistant_prompt_links l JOIN assistant_view v ON v.id = l.assistant_id
       WHERE l.prompt_id = $1 ${ownerFilter} ${cursorFilter}
       ORDER BY v.name, v.id LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => r,
      (r) => ({ i: r.assistantId }),
    );
  }
}
