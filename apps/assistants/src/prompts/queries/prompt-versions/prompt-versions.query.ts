import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { parseInput, PromptPatterns, promptVersionsQuerySchema, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { PromptReadRepository } from '../../infrastructure/prompt-read.repository';

@Controller()
export class PromptVersionsController {
  constructor(private readonly read: PromptReadRepository) {}

  @RpcPattern(PromptPatterns.versions)
  versions(@Payload() { body }: Envelope<{ id: string; query?: unknown }>) {
    return this.read.versionPage(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(promptVersionsQuerySchema, body.query ?? {}),
    );
  }
}
