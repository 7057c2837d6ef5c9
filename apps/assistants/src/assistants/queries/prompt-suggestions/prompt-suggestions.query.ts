import { Controller, Inject } from '@nestjs/common';
import { AssistantNotFoundError, type Assistant } from '@platform/assistants-domain';
import {
  PromptOperations,
  type OperationInput,
  type Page,
  type PromptSuggestionDto,
  type RequestMeta,
} from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { RpcOperation } from '@platform/service-kit';
import type { Pool } from 'pg';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

// Weights of each kind of evidence; a shared tag says more than a keyword found somewhere in a template.
const WEIGHT = { sharedTag: 3, typeMention: 2, keyword: 1, sameTypeUse: 1, maxSameTypeUses: 5 };
const MAX_KEYWORDS = 30;

const words = (text: string | null | undefined): string[] => text?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Words that describe what the assistant is about: its specialty and its knowledge domains. */
export function assistantKeywords(a: Assistant): string[] {
  const domains = a.persona.knowledgeDomains ?? [];
  const all = [
    ...words(a.specialty),
    ...domains.flatMap((d) => [...words(d.name), ...d.topics.flatMap(words), ...d.keywords.flatMap(words)]),
  ];
  return [...new Set(all.filter((w) => w.length >= 3))].slice(0, MAX_KEYWORDS);
}

interface Row {
  id: string;
  name: string;
  latest_version: number;
  shared_tags: string[];
  type_match: boolean;
  keywords: string[];
  uses: number;
  score: number;
}

@Controller()
export class PromptSuggestionsQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly assistants: AssistantReadRepository,
  ) {}

  /**
   * Prompts not linked yet, best first. Candidates are found through indexes (shared tags, full-text match of the
   * assistant's type and keywords, use by assistants of the same type) and scored in the database.
   */
  @RpcOperation(PromptOperations.suggestions)
  async suggest(
    { params: { id }, query: { limit } }: OperationInput<typeof PromptOperations.suggestions>,
    meta: RequestMeta,
  ): Promise<Page<PromptSuggestionDto>> {
    const a = await this.assistants.get(id, meta);
    if (!a) throw new AssistantNotFoundError(id);
    const keywords = assistantKeywords(a);
    const typeWords = [...new Set(words(a.type.replace(/_/g, ' ')))];
    // Evidence comes from indexed lookups of the precomputed prompt words (prompt_terms), never from matching
    // every candidate's text: the keywords a prompt mentions, and whether it mentions every word of the type.
    const { rows } = await this.pool.query<Row>(
      `WITH kw_hits AS (
         SELECT prompt_id, array_agg(term ORDER BY term) AS keywords
         FROM prompt_terms WHERE term = ANY($3::text[]) GROUP BY prompt_id),
       type_hits AS (
         SELECT prompt_id FROM prompt_terms WHERE term = ANY($6::text[])
         GROUP BY prompt_id HAVING count(*) = cardinality($6::text[])),
       same_type AS (
         SELECT l.prompt_id, count(*)::int AS n
         FROM assistant_prompt_links l JOIN assistant_view v ON v.id = l.assistant_id
         WHERE v.type = $4 AND v.status <> 'archived' AND l.assistant_id <> $1
         GROUP BY l.prompt_id),
       candidate_ids AS (
         SELECT id FROM prompt_view WHERE tags && $5::text[]
         UNION SELECT prompt_id FROM kw_hits
         UNION SELECT prompt_id FROM type_hits
         UNION SELECT prompt_id FROM same_type),
       evidence AS (
         SELECT p.id, p.name, p.latest_version, coalesce(st.n, 0) AS uses,
           ARRAY(SELECT t FROM unnest($5::text[]) AS t WHERE t = ANY(p.tags) ORDER BY t) AS shared_tags,
           th.prompt_id IS NOT NULL AS type_match,
           coalesce(kh.keywords, '{}') AS keywords
         FROM candidate_ids c JOIN prompt_view p ON p.id = c.id
           LEFT JOIN same_type st ON st.prompt_id = p.id
           LEFT JOIN kw_hits kh ON kh.prompt_id = p.id
           LEFT JOIN type_hits th ON th.prompt_id = p.id
         WHERE NOT (p.id = ANY($2::uuid[])))
       SELECT *, (${WEIGHT.sharedTag} * cardinality(shared_tags) + ${WEIGHT.typeMention} * type_match::int
                 + ${WEIGHT.keyword} * cardinality(keywords) + ${WEIGHT.sameTypeUse} * least(uses, ${WEIGHT.maxSameTypeUses}))::int AS score
       FROM evidence
       ORDER BY score DESC, name, id
       LIMIT $7`,
      [a.id, a.promptLinks.map((l) => l.promptId), keywords, a.type, a.tags, typeWords, limit],
    );
    // The best `limit` are the answer, not the first page of a longer list.
    return { data: rows.filter((r) => r.score > 0).map((r) => this.toDto(r, a)), nextCursor: null };
  }

  private toDto(r: Row, a: Assistant): PromptSuggestionDto {
    const reasons: string[] = [];
    if (r.shared_tags.length) reasons.push(`shares tags: ${r.shared_tags.join(', ')}`);
    if (r.type_match) reasons.push(`mentions the assistant's type "${a.type}"`);
    if (r.keywords.length) reasons.push(`mentions specialty or knowledge-domain keywords: ${r.keywords.join(', ')}`);
    if (r.uses) reasons.push(`used by ${r.uses} other ${a.type} assistant${r.uses === 1 ? '' : 's'}`);
    return { promptId: r.id, name: r.name, latestVersion: r.latest_version, score: r.score, reasons };
  }
}
