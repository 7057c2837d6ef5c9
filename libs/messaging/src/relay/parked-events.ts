import { assertSchemaName, type Migration, type SqlExecutor, type StoredEvent } from '@platform/event-store';

/**
 * Events the relay could not publish, set aside so that one such event never blocks the rest of the feed.
 * They stay in the store (the source of truth); this table only says which ones are not on the bus yet, and
 * holds the later events of the same aggregate stream behind them, so each stream's order on the bus is kept.
 */
export function parkedEventsMigrations(schema: string): Migration[] {
  return [
    {
      id: 'messaging-002-relay-parked',
      sql: `
        CREATE TABLE IF NOT EXISTS "${assertSchemaName(schema)}".relay_parked (
          stream text NOT NULL,
          event_id uuid NOT NULL,
          stream_id text NOT NULL,
          revision integer NOT NULL,
          position bigint NOT NULL,
          error text NOT NULL,
          attempts integer NOT NULL DEFAULT 0,
          next_attempt_at timestamptz NOT NULL DEFAULT now(),
          parked_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (stream, event_id)
        );
        CREATE INDEX IF NOT EXISTS relay_parked_stream_idx
          ON "${assertSchemaName(schema)}".relay_parked (stream, stream_id, position);`,
    },
  ];
}

export interface ParkedEvent {
  eventId: string;
  streamId: string;
  revision: number;
  attempts: number;
}

export class ParkedEvents {
  private readonly table: string;

  constructor(
    schema: string,
    private readonly stream: string,
  ) {
    this.table = `"${assertSchemaName(schema)}".relay_parked`;
  }

  /** Aggregate streams with an event set aside: their later events must wait behind it. */
  async blockedStreams(sql: SqlExecutor): Promise<Set<string>> {
    const { rows } = await sql.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM ${this.table} WHERE stream = $1`,
      [this.stream],
    );
    return new Set(rows.map((r) => r.stream_id));
  }

  async park(sql: SqlExecutor, events: readonly StoredEvent[], error: string): Promise<void> {
    if (events.length === 0) return;
    await sql.query(
      `INSERT INTO ${this.table} (stream, event_id, stream_id, revision, position, error)
       SELECT $1, x.id, x.stream_id, x.revision, x.position, $3
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, stream_id text, revision int, position bigint)
       ON CONFLICT DO NOTHING`,
      [
        this.stream,
        JSON.stringify(events.map((e) => ({ id: e.id, stream_id: e.streamId, revision: e.revision, position: e.position }))),
        error.slice(0, 1000),
      ],
    );
  }

  /** Per blocked aggregate stream whose retry is due, its events in order (the first is the one that failed). */
  async due(sql: SqlExecutor): Promise<ParkedEvent[][]> {
    const { rows } = await sql.query<{ event_id: string; stream_id: string; revision: number; attempts: number }>(
      `WITH heads AS (
         SELECT DISTINCT ON (stream_id) stream_id, next_attempt_at FROM ${this.table}
         WHERE stream = $1 ORDER BY stream_id, position)
       SELECT p.event_id, p.stream_id, p.revision, p.attempts FROM ${this.table} p JOIN heads h USING (stream_id)
       WHERE p.stream = $1 AND h.next_attempt_at <= now()
       ORDER BY p.stream_id, p.position`,
      [this.stream],
    );
    const byStream = new Map<string, ParkedEvent[]>();
    for (const r of rows) {
      const list = byStream.get(r.stream_id) ?? [];
      list.push({ eventId: r.event_id, streamId: r.stream_id, revision: r.revision, attempts: r.attempts });
      byStream.set(r.stream_id, list);
    }
    return [...byStream.values()];
  }

  async published(sql: SqlExecutor, eventId: string): Promise<void> {
    await sql.query(`DELETE FROM ${this.table} WHERE stream = $1 AND event_id = $2`, [this.stream, eventId]);
  }

  /** Backs off: 1 s, 2 s, 4 s … up to 5 minutes between attempts. */
  async failedAgain(sql: SqlExecutor, eventId: string, attempts: number, error: string): Promise<void> {
    const delayMs = Math.min(300_000, 1000 * 2 ** Math.min(attempts, 20));
    await sql.query(
      `UPDATE ${this.table} SET attempts = $3, error = $4, next_attempt_at = now() + make_interval(secs => $5)
       WHERE stream = $1 AND event_id = $2`,
      [this.stream, eventId, attempts + 1, error.slice(0, 1000), delayMs / 1000],
    );
  }

  async count(sql: SqlExecutor): Promise<number> {
    const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.table} WHERE stream = $1`, [
      this.stream,
    ]);
    return rows[0].n;
  }
}
