import { Injectable } from '@nestjs/common';
import type { Assistant, ComposedSystemPrompt, Prompt, ResolvedLink } from '@platform/assistants-domain';
import type { OwnerScoped, SystemPromptDto } from '@platform/contracts';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';
import { resolvedVersion } from '../../prompt-links';

/** What composing an assistant's system prompt starts from: the assistant, its linked prompts, each link resolved. */
export interface CompositionSources {
  assistant: Assistant;
  prompts: Map<string, Prompt>;
  links: ResolvedLink[];
}

/**
 * Reads the assistant and the prompts it links to in one statement (one snapshot of both views), then the exact
 * versions its links resolve to. Versions are immutable rows, so the second read cannot disagree with the first:
 * the links, their versions and the assistant all belong together. Two round trips.
 */
@Injectable()
export class CompositionReader {
  constructor(
    private readonly assistants: AssistantReadRepository,
    private readonly prompts: PromptReadRepository,
  ) {}

  /** The sources, or null when the assistant does not exist for this caller. */
  async read(id: string, meta: OwnerScoped): Promise<CompositionSources | null> {
    const found = await this.assistants.getWithLinkedPrompts(id, meta);
    if (!found) return null;
    const { assistant, prompts } = found;
    const pinned = assistant.promptLinks.map((l) => ({
      link: l,
      version: resolvedVersion(l, prompts.get(l.promptId)),
    }));
    const versions = await this.prompts.versions(
      pinned.filter((p) => p.version !== null).map((p) => ({ promptId: p.link.promptId, version: p.version! })),
    );
    const links: ResolvedLink[] = pinned.map(({ link, version }) => {
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
