import type { Assistant } from '@platform/assistants-domain';
import type { AssistantDto } from '@platform/contracts';

const round2 = (n: number) => Math.round(n * 100) / 100;

export function toAssistantDto(a: Assistant): AssistantDto {
  const u = a.usage;
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    description: a.description,
    type: a.type,
    status: a.status,
    tags: a.tags,
    specialty: a.specialty,
    ownerId: a.ownerId,
    parentId: a.parentId,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    persona: a.persona,
    configuration: a.configuration,
    usage: {
      conversations: u.conversations,
      messages: u.messages,
      tokens: u.tokens,
      avgResponseTimeMs: u.responseTimeSamples ? round2(u.responseTimeTotalMs / u.responseTimeSamples) : null,
      satisfaction: u.ratingsCount ? round2(u.ratingsTotal / u.ratingsCount) : null,
      ratings: u.ratingsCount,
    },
  };
}


