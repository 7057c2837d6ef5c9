import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { parseInput, PromptPatterns, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { UnlinkPromptHandler } from './unlink-prompt.handler';

@Controller()
export class UnlinkPromptController {
  constructor(private readonly handler: UnlinkPromptHandler) {}

  @RpcPattern(PromptPatterns.unlink)
  unlink(@Payload() { meta, body }: Envelope<{ id: string; promptId: string }>) {
    return this.handler.execute(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(uuidSchema, body.promptId, 'promptId'),
      meta,
    );
  }
}
