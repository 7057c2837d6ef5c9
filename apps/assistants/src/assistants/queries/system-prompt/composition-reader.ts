import { Injectable } from '@nestjs/common';
import type { Assistant, ComposedSystemPrompt, Prompt, ResolvedLink } from '@platform/assistants-domain';
import type { OwnerScoped, SystemPromptDto } from '@platform/contracts';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';
import { resolvedVersion } from '../../prompt-links';

/** What composing an assistant's system prompt starts from: the assistant, its linked prompts, each link resolved. */
export interface CompositionSources {
  assistant: Assistant;
  prompts: Map<string, Prompt>;
  links: ResolvedLink[];
}

/**
 * Reads the assistant, the prompts it links to and the versions its links resolve to in one statement (one
 * snapshot of all three views): the links, their versions and the assistant all belong together. One round trip.
 */
@Injectable()
export class CompositionReader {
  constructor(private readonly assistants: AssistantReadRepository) {}

  /** The sources, or null when the assistant does not exist for this caller. */
  async read(id: string, meta: OwnerScoped): Promise<CompositionSources | null> {
    const found = await this.assistants.getWithLinkedPrompts(id, meta);
    if (!found) return null;
    const { assistant, prompts, versions } = found;
    const links: ResolvedLink[] = assistant.promptLinks.map((link) => {
      const version = resolvedVersion(link, prompts.get(link.promptId));
      const row = version === null ? undefined : versions.get(`${link.promptId}@${version}`);
      return {
        promptId: link.promptId,
        role: link.role,
        priority: link.priority,
        conditions: link.conditions,
        version: row ? version : null,
        template: row?.template ?? null,
        variables: row?.variables ?? [],
      };
    });
    return { assistant, prompts, links };
  }
}

export function toSystemPromptDto(composed: ComposedSystemPrompt): SystemPromptDto {
  return {
    text: composed.text,
    tokenCount: composed.tokenCount,
    encoding: composed.encoding,
    parts: composed.parts.map(({ source, promptId, version, tokens }) => ({
      source,
      ...(promptId ? { promptId, version } : {}),
      tokens,
    })),
  };
}
