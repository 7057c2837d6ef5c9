import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { parseInput, PromptPatterns, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { z } from 'zod';
import { RemovePromptLabelHandler } from './remove-prompt-label.handler';

const labelParam = z.string().min(1).max(63);

@Controller()
export class RemovePromptLabelController {
  constructor(private readonly handler: RemovePromptLabelHandler) {}

  @RpcPattern(PromptPatterns.removeLabel)
  remove(@Payload() { meta, body }: Envelope<{ id: string; label: string }>) {
    return this.handler.execute(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(labelParam, body.label, 'label'),
      meta,
    );
  }
}
