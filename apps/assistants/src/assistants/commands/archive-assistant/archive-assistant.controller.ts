import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, parseInput, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { ArchiveAssistantHandler } from './archive-assistant.handler';

@Controller()
export class ArchiveAssistantController {
  constructor(private readonly handler: ArchiveAssistantHandler) {}

  @RpcPattern(AssistantPatterns.archive)
  archive(@Payload() { meta, body }: Envelope<{ id: string }>) {
    return this.handler.execute(parseInput(uuidSchema, body.id, 'id'), meta);
  }
}
