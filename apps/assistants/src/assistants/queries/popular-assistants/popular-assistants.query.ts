import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, parseInput, popularAssistantsQuerySchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

@Controller()
export class PopularAssistantsController {
  constructor(private readonly read: AssistantReadRepository) {}

  @RpcPattern(AssistantPatterns.popular)
  popular(@Payload() { body }: Envelope) {
    return this.read.popular(parseInput(popularAssistantsQuerySchema, body ?? {}));
  }
}
