import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { linkPromptSchema, parseInput, PromptPatterns, uuidSchema, type Envelope } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { LinkPromptHandler } from './link-prompt.handler';

@Controller()
export class LinkPromptController {
  constructor(private readonly handler: LinkPromptHandler) {}

  @RpcPattern(PromptPatterns.link)
  link(@Payload() { meta, body }: Envelope<{ id: string; link: unknown }>) {
    return this.handler.execute(parseInput(uuidSchema, body.id, 'id'), parseInput(linkPromptSchema, body.link), meta);
  }
}
