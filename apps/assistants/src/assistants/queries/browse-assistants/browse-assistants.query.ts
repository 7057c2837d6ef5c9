import { Controller } from '@nestjs/common';
import { assistantStatusCatalog, assistantTypeCatalog } from '@platform/assistants-domain';
import { AssistantOperations as Ops, type OperationInput, type RequestMeta } from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

/** Lists over the assistant read model (filtered, searched, popular) and the catalogs of types and statuses. */
@Controller()
export class BrowseAssistantsQuery {
  constructor(private readonly read: AssistantReadRepository) {}

  @RpcOperation(Ops.list)
  list({ query }: OperationInput<typeof Ops.list>, meta: RequestMeta) {
    return this.read.list(query, meta);
  }

  @RpcOperation(Ops.search)
  search({ query }: OperationInput<typeof Ops.search>, meta: RequestMeta) {
    return this.read.search(query, meta);
  }

  @RpcOperation(Ops.popular)
  popular({ query }: OperationInput<typeof Ops.popular>, meta: RequestMeta) {
    return this.read.popular(query, meta);
  }

  // Catalogs are complete by nature: one page, no cursor.
  @RpcOperation(Ops.types)
  types() {
    return { data: assistantTypeCatalog(), nextCursor: null };
  }

  @RpcOperation(Ops.statuses)
  statuses() {
    return { data: assistantStatusCatalog(), nextCursor: null };
  }
}
