import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, parseInput, searchAssistantsQuerySchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

@Controller()
export class SearchAssistantsController {
  constructor(private readonly read: AssistantReadRepository) {}

  @RpcPattern(AssistantPatterns.search)
  search(@Payload() { body }: Envelope) {
    return this.read.search(parseInput(searchAssistantsQuerySchema, body ?? {}));
  }
}
