import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { parseInput, PromptPatterns, updatePromptLinkSchema, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { UpdatePromptLinkHandler } from './update-prompt-link.handler';

@Controller()
export class UpdatePromptLinkController {
  constructor(private readonly handler: UpdatePromptLinkHandler) {}

  @RpcPattern(PromptPatterns.updateLink)
  update(@Payload() { meta, body }: Envelope<{ id: string; promptId: string; changes: unknown }>) {
    return this.handler.execute(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(uuidSchema, body.promptId, 'promptId'),
      parseInput(updatePromptLinkSchema, body.changes),
      meta,
    );
  }
}
