import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { movePromptLabelSchema, parseInput, PromptPatterns, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { MovePromptLabelHandler } from './move-prompt-label.handler';

@Controller()
export class MovePromptLabelController {
  constructor(private readonly handler: MovePromptLabelHandler) {}

  @RpcPattern(PromptPatterns.moveLabel)
  move(@Payload() { meta, body }: Envelope<{ id: string; move: unknown }>) {
    return this.handler.execute(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(movePromptLabelSchema, body.move),
      meta,
    );
  }
}
