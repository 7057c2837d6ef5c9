import type { Prompt } from '@platform/assistants-domain';
import type { PromptDto, PromptVariable, PromptVersionDto } from '@platform/contracts';

export interface PromptVersionRow {
  version: number;
  name: string;
  description: string | null;
  tags: string[];
  template: string;
  variables: PromptVariable[];
  created_at: Date;
  actor_id: string;
}

/** The prompt at one of its versions: content from that version, identity and labels from now. */
export function toPromptDto(p: Prompt, v?: PromptVersionRow): PromptDto {
  return {
    id: p.id,
    ownerId: p.ownerId ?? null,
    name: v?.name ?? p.name,
    description: v ? v.description : p.description,
    tags: v?.tags ?? p.tags,
    template: v?.template ?? p.template,
    variables: v?.variables ?? p.variables,
    version: v?.version ?? p.latestVersion,
    latestVersion: p.latestVersion,
    labels: p.labels,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toPromptVersionDto(p: Prompt, v: PromptVersionRow): PromptVersionDto {
  return {
    version: v.version,
    template: v.template,
    variables: v.variables,
    labels: Object.keys(p.labels)
      .filter((label) => p.labels[label] === v.version)
      .sort(),
    createdAt: v.created_at.toISOString(),
    actorId: v.actor_id,
  };
}
