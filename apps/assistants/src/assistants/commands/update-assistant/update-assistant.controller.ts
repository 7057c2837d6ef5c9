import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, parseInput, updateAssistantSchema, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { UpdateAssistantHandler } from './update-assistant.handler';

@Controller()
export class UpdateAssistantController {
  constructor(private readonly handler: UpdateAssistantHandler) {}

  @RpcPattern(AssistantPatterns.update)
  update(@Payload() { meta, body }: Envelope<{ id: string; changes: unknown }>) {
    const id = parseInput(uuidSchema, body.id, 'id');
    return this.handler.execute(id, parseInput(updateAssistantSchema, body.changes), meta);
  }
}
