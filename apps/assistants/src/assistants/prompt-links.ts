import type { Assistant, Prompt, PromptLink } from '@platform/assistants-domain';
import { LATEST_LABEL, type LinkPromptBody, type PromptLinkDto, type UpdatePromptLinkBody } from '@platform/contracts';
import { UnresolvablePinError } from '../prompts/prompt.errors';

const ROLE_ORDER: Record<PromptLink['role'], number> = { primary: 0, secondary: 1, fallback: 2 };

/** Primary first, then secondaries by priority, then fallbacks by priority (higher first; ties by prompt id). */
export function orderLinks<T extends Pick<PromptLink, 'role' | 'priority' | 'promptId'>>(links: readonly T[]): T[] {
  return [...links].sort(
    (a, b) =>
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || b.priority - a.priority || a.promptId.localeCompare(b.promptId),
  );
}

/** The version a link runs with now: its pinned version, or wherever its label points (null once removed). */
export function resolvedVersion(link: Pick<PromptLink, 'pin'>, prompt: Prompt | undefined): number | null {
  if (!prompt) return null;
  return 'version' in link.pin ? link.pin.version : (prompt.labels[link.pin.label] ?? null);
}

/** The pin a request asks for, checked against the prompt: pinned versions and followed labels must exist. */
export function pinFor(
  body: Pick<LinkPromptBody | UpdatePromptLinkBody, 'version' | 'label'>,
  prompt: Prompt,
): PromptLink['pin'] {
  if (body.version !== undefined) {
    if (body.version > prompt.latestVersion) {
      throw new UnresolvablePinError(
        'version',
        `Prompt ${prompt.id} has no version ${body.version} (latest is ${prompt.latestVersion})`,
      );
    }
    return { version: body.version };
  }
  const label = body.label ?? LATEST_LABEL;
  if (prompt.labels[label] === undefined)
    throw new UnresolvablePinError('label', `Prompt ${prompt.id} has no label "${label}"`);
  return { label };
}

export function toPromptLinkDto(link: PromptLink, prompt: Prompt | undefined): PromptLinkDto {
  return {
    promptId: link.promptId,
    promptName: prompt?.name ?? '(deleted prompt)',
    role: link.role,
    priority: link.priority,
    conditions: link.conditions,
    pin: link.pin,
    resolvedVersion: resolvedVersion(link, prompt),
    linkedAt: link.linkedAt,
  };
}

/** The assistant's link to `promptId`; the command that answers with it has just made or changed it. */
export function linkOf(assistant: Assistant, promptId: string): PromptLink {
  const link = assistant.promptLinks.find((l) => l.promptId === promptId);
  if (!link) throw new Error(`Assistant ${assistant.id} has no link to prompt ${promptId} after linking it`);
  return link;
}
