import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, cloneAssistantSchema, parseInput, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { CloneAssistantHandler } from './clone-assistant.handler';

@Controller()
export class CloneAssistantController {
  constructor(private readonly handler: CloneAssistantHandler) {}

  @RpcPattern(AssistantPatterns.clone)
  clone(@Payload() { meta, body }: Envelope<{ id: string; clone: unknown }>) {
    const id = parseInput(uuidSchema, body.id, 'id');
    return this.handler.execute(id, parseInput(cloneAssistantSchema, body.clone ?? {}), meta);
  }
}
