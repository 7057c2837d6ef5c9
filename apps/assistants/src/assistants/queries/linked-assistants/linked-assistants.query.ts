import { Controller, Inject, Injectable } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { parseInput, PromptPatterns, uuidSchema, type Envelope, type LinkedAssistantDto } from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { RpcPattern } from '@platform/messaging';
import type { Pool } from 'pg';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';

@Injectable()
export class LinkedAssistantsHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly prompts: PromptReadRepository,
  ) {}

  /** Every assistant linked to the prompt (archived ones included, marked by their status), with role and pin. */
  async execute(promptId: string): Promise<{ data: LinkedAssistantDto[] }> {
    await this.prompts.require(promptId);
    const { rows } = await this.pool.query<LinkedAssistantDto>(
      `SELECT l.assistant_id AS "assistantId", v.name, v.status, l.role, l.priority, l.pin
       FROM assistants.assistant_prompt_links l JOIN assistants.assistant_view v ON v.id = l.assistant_id
       WHERE l.prompt_id = $1 ORDER BY v.name, l.assistant_id`,
      [promptId],
    );
    return { data: rows };
  }
}

@Controller()
export class LinkedAssistantsController {
  constructor(private readonly handler: LinkedAssistantsHandler) {}

  @RpcPattern(PromptPatterns.linkedAssistants)
  list(@Payload() { body }: Envelope<{ promptId: string }>) {
    return this.handler.execute(parseInput(uuidSchema, body.promptId, 'promptId'));
  }
}
