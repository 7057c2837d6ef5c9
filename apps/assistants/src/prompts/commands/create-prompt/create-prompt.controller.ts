import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { createPromptSchema, parseInput, PromptPatterns, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { CreatePromptHandler } from './create-prompt.handler';

@Controller()
export class CreatePromptController {
  constructor(private readonly handler: CreatePromptHandler) {}

  @RpcPattern(PromptPatterns.create)
  create(@Payload() { meta, body }: Envelope) {
    return this.handler.execute(parseInput(createPromptSchema, body), meta);
  }
}
