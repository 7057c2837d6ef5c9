import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, listAssistantsQuerySchema, parseInput, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

@Controller()
export class ListAssistantsController {
  constructor(private readonly read: AssistantReadRepository) {}

  @RpcPattern(AssistantPatterns.list)
  list(@Payload() { body }: Envelope) {
    return this.read.list(parseInput(listAssistantsQuerySchema, body ?? {}));
  }
}
