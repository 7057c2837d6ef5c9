import { Inject, Injectable } from '@nestjs/common';
import type { AssistantCatalogEntry, HourlyActivity } from '@platform/analytics-domain';
import { PG_POOL } from '@platform/event-store';
import type { Pool } from 'pg';
import type { AlertsDoc } from '../alerts/alert.aggregate';
import { LIVE_TABLES as T } from '../projections/tables';

/** Reads of the analytics read models; owner scoping is the caller's (a null scope reads every owner's). */
@Injectable()
export class AnalyticsReader {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async assistants(ids: readonly string[]): Promise<AssistantCatalogEntry[]> {
    const { rows } = await this.pool.query<{ doc: AssistantCatalogEntry }>(
      `SELECT doc FROM ${T.assistant} WHERE assistant_id = ANY($1::text[])`,
      [ids],
    );
    return rows.map((r) => r.doc);
  }

  async assistantsOf(ownerId: string | undefined): Promise<AssistantCatalogEntry[]> {
    const { rows } = await this.pool.query<{ doc: AssistantCatalogEntry }>(
      `SELECT doc FROM ${T.assistant} WHERE $1::text IS NULL OR owner_id = $1 ORDER BY assistant_id`,
      [ownerId ?? null],
    );
    return rows.map((r) => r.doc);
  }

  /** Hourly rows of the assistants whose hour starts in [from, to). */
  async hourly(ids: readonly string[], from: number, to: number): Promise<HourlyActivity[]> {
    const { rows } = await this.pool.query<{ doc: HourlyActivity }>(
      `SELECT doc FROM ${T.hourly} WHERE assistant_id = ANY($1::text[]) AND hour >= $2 AND hour < $3`,
      [ids, new Date(from).toISOString(), new Date(to).toISOString()],
    );
    return rows.map((r) => r.doc);
  }

  /** Conversations started before `at` and not ended by then, per assistant. */
  async active(ids: readonly string[], at: number): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ assistant_id: string; n: string }>(
      `SELECT assistant_id, count(*) AS n FROM ${T.conversation}
       WHERE assistant_id = ANY($1::text[]) AND started_at < $2 AND (ended_at IS NULL OR ended_at >= $2)
       GROUP BY assistant_id`,
      [ids, new Date(at).toISOString()],
    );
    return new Map(rows.map((r) => [r.assistant_id, Number(r.n)]));
  }

  async alerts(ids: readonly string[]): Promise<Map<string, AlertsDoc>> {
    const { rows } = await this.pool.query<{ doc: AlertsDoc }>(
      'SELECT doc FROM alert_view WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.doc.assistantId, r.doc]));
  }

  /** Assistants whose hourly rows changed after `since` (the alert evaluator's work list). */
  async changedSince(since: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ assistant_id: string }>(
      `SELECT DISTINCT assistant_id FROM ${T.hourly} WHERE updated_at > $1
       UNION SELECT id FROM alert_view WHERE open_count > 0`,
      [since],
    );
    return rows.map((r) => r.assistant_id);
  }
}
