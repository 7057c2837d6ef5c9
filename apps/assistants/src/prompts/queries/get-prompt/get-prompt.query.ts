import { Controller, Injectable } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PromptLabelNotFoundError, PromptVersionNotFoundError } from '@platform/assistants-domain';
import {
  getPromptQuerySchema,
  parseInput,
  PromptPatterns,
  uuidSchema,
  type Envelope,
  type GetPromptQuery,
  type PromptDto,
} from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { toPromptDto } from '../../prompt.mapper';
import { PromptReadRepository } from '../../infrastructure/prompt-read.repository';

@Injectable()
export class GetPromptHandler {
  constructor(private readonly read: PromptReadRepository) {}

  /** The latest version, a numbered version, or the version a label points to now. */
  async execute(id: string, q: GetPromptQuery): Promise<PromptDto> {
    const prompt = await this.read.require(id);
    if (q.version === undefined && q.label === undefined) return toPromptDto(prompt);
    const version = q.version ?? prompt.labels[q.label!];
    if (version === undefined) throw new PromptLabelNotFoundError(id, q.label!);
    const row = await this.read.version(id, version);
    if (!row) throw new PromptVersionNotFoundError(id, version);
    return toPromptDto(prompt, row);
  }
}

@Controller()
export class GetPromptController {
  constructor(private readonly handler: GetPromptHandler) {}

  @RpcPattern(PromptPatterns.get)
  get(@Payload() { body }: Envelope<{ id: string; query?: unknown }>) {
    return this.handler.execute(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(getPromptQuerySchema, body.query ?? {}),
    );
  }
}
