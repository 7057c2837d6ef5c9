import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, createAssistantSchema, parseInput, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { CreateAssistantHandler } from './create-assistant.handler';

@Controller()
export class CreateAssistantController {
  constructor(private readonly handler: CreateAssistantHandler) {}

  @RpcPattern(AssistantPatterns.create)
  create(@Payload() { meta, body }: Envelope) {
    return this.handler.execute(parseInput(createAssistantSchema, body), meta);
  }
}
