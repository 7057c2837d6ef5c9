import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { parseInput, PromptPatterns, revisePromptSchema, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { RevisePromptHandler } from './revise-prompt.handler';

@Controller()
export class RevisePromptController {
  constructor(private readonly handler: RevisePromptHandler) {}

  @RpcPattern(PromptPatterns.revise)
  revise(@Payload() { meta, body }: Envelope<{ id: string; changes: unknown }>) {
    return this.handler.execute(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(revisePromptSchema, body.changes),
      meta,
    );
  }
}
