import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantPatterns, parseInput, recordUsageSchema, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { RecordUsageHandler } from './record-usage.handler';

@Controller()
export class RecordUsageController {
  constructor(private readonly handler: RecordUsageHandler) {}

  @RpcPattern(AssistantPatterns.recordUsage)
  record(@Payload() { meta, body }: Envelope<{ id: string; usage: unknown }>) {
    const id = parseInput(uuidSchema, body.id, 'id');
    return this.handler.execute(id, parseInput(recordUsageSchema, body.usage), meta);
  }
}
