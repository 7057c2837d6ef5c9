import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { listPromptsQuerySchema, parseInput, PromptPatterns, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { PromptReadRepository } from '../../infrastructure/prompt-read.repository';

@Controller()
export class ListPromptsController {
  constructor(private readonly read: PromptReadRepository) {}

  @RpcPattern(PromptPatterns.list)
  list(@Payload() { body }: Envelope) {
    return this.read.list(parseInput(listPromptsQuerySchema, body ?? {}));
  }
}
