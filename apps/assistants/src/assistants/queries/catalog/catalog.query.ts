import { Controller, Inject } from '@nestjs/common';

import { assistantStatusCatalog, assistantTypeCatalog } from '@platform/assistants-domain';
import { AssistantPatterns } from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { RpcPattern } from '@platform/messaging';
import type { Pool } from 'pg';

@Controller()
export class CatalogController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @RpcPattern(AssistantPatterns.types)
  types() {
    return { data: assistantTypeCatalog() };
  }

  @RpcPattern(AssistantPatterns.statuses)
  statuses() {
    return { data: assistantStatusCatalog() };
  }

  /** Readiness: answers only when this service can reach its database. */
  @RpcPattern(AssistantPatterns.ping)
  async ping() {
    await this.pool.query('SELECT 1');
    return { status: 'ok', service: 'assistants' };
  }
}
