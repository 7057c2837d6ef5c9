/* eslint-disable @typescript-eslint/no-explicit-any */
import { randomUUID } from 'node:crypto';
import { FEED_START, runMigrations, PostgresEventStore, type NewEvent } from '@platform/event-store';
import {
  connectNats,
  encodeBusEvent,
  eventSubject,
  eventStreamName,
  EventRelay,
  IdempotentConsumer,
  toBusEvent,
  type BusEvent,
} from '@platform/messaging';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@platform/testing';
import type { NatsConnection } from 'nats';
import { analyticsConsumer } from './projections/analytics.consumer';
import { analyticsMigrations } from './projections/analytics.migrations';
import { applyEvent, applyEvents } from './projections/apply';
import { LIVE_TABLES } from './projections/tables';
import { rebuildAnalytics } from './rebuild/rebuild';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
let db: TestDatabase;
let bus: TestBus;
let nc: NatsConnection;
const stores: Record<string, PostgresEventStore> = {};
const relays: EventRelay[] = [];
let analytics: PostgresEventStore;
let consumer: IdempotentConsumer;

const at = () => new Date().toISOString();
const meta = () => ({ correlationId: randomUUID(), causationId: null, actorId: 'int', occurredAt: at() });
const ev = (type: string, data: unknown): NewEvent => ({ type, data, metadata: meta() });

async function append(schema: string, streamId: string, events: NewEvent[]) {
  return (await stores[schema].append(streamId, events, { expectedRevision: 'any' })).events;
}

async function seedAssistant(): Promise<string> {
  const id = randomUUID();
  await append('assistants', `assistant-${id}`, [
    ev('AssistantCreated', {
      assistantId: id,
      ownerId: 'team-a',
      createdAt: at(),
      name: `A ${id}`,
      slug: `a-${id}`,
      description: null,
      type: 'support',
      tags: [],
      specialty: null,
      persona: {},
      configuration: { model: 'm', temperature: 0.5, maxTokens: 100, contextWindowTokens: 1000, topP: 1 },
    }),
  ]);
  return id;
}

const message = (conversationId: string, assistantId: string, role: 'user' | 'assistant', ms: number | null) =>
  ev('MessageAppended', {
    conversationId,
    assistantId,
    budgetTokens: 1000,
    message: {
      id: randomUUID(),
      seq: 1,
      role,
      content: 'x',
      toolCalls: null,
      toolCallId: null,
      parentMessageId: null,
      metadata: {},
      tokenCount: 7,
      model: null,
      responseTimeMs: ms,
      usage: null,
      error: null,
      createdAt: at(),
    },
  });

async function seedConversation(assistantId: string, replies: number): Promise<string> {
  const id = randomUUID();
  const events = [
    ev('ConversationStarted', {
      conversationId: id,
      assistantId,
      userId: 'u',
      ownerId: 'team-a',
      title: null,
      environment: null,
      contextVariables: {},
      budgetTokens: 1000,
      startedAt: at(),
    }),
  ];
  for (let i = 0; i < replies; i++)
    events.push(message(id, assistantId, 'user', null), message(id, assistantId, 'assistant', 50 + i * 10));
  await append('conversations', `conversation-${id}`, events);
  return id;
}

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [kind, table] of Object.entries(LIVE_TABLES)) {
    const { rows } = await analytics.pool.query(`SELECT doc FROM ${table} ORDER BY doc::text`);
    out[kind] = rows.map((r) => r.doc);
  }
  return out;
}

const messagesOf = async (assistantId: string) => {
  const { rows } = await analytics.pool.query(`SELECT doc FROM ${LIVE_TABLES.hourly} WHERE assistant_id = $1`, [
    assistantId,
  ]);
  return rows.reduce((n, r) => n + r.doc.messages.user + r.doc.messages.assistant, 0);
};

/** The live tables as one transaction sees them. */
async function snapshotIn(sql: { query: PostgresEventStore['pool']['query'] }): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [kind, table] of Object.entries(LIVE_TABLES)) {
    const { rows } = await sql.query(`SELECT doc FROM ${table} ORDER BY doc::text`);
    out[kind] = rows.map((r: { doc: unknown }) => r.doc);
  }
  return out;
}

/** Every stored event is on the bus (each relay's checkpoint is past it, whatever the feed's barrier holds back). */
async function relayed(): Promise<boolean> {
  for (const [i, schema] of ['assistants', 'conversations'].entries()) {
    const checkpoint = await relays[i].checkpoint();
    const { rows } = await stores[schema].pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".events WHERE (transaction_id, position) > ($1::xid8, $2::bigint)`,
      [checkpoint.transactionId, checkpoint.position],
    );
    if (rows[0].n > 0) return false;
  }
  return true;
}

const caughtUp = () =>
  waitFor(async () => (await relayed()) && (await consumer.pending()) === 0, 'the consumer caught up', 30_000);

beforeAll(async () => {
  bus = createTestBus('analytics');
  db = await createTestDatabase('analytics');
  nc = await connectNats({ name: 'analytics-int' });
  for (const schema of ['assistants', 'conversations']) {
    stores[schema] = await PostgresEventStore.connect({ connectionString: db.url, schema });
    const relay = new EventRelay({ store: stores[schema], pool: stores[schema].pool, schema, nats: nc, logger: quiet });
    relay.start();
    relays.push(relay);
  }
  analytics = await PostgresEventStore.connect({ connectionString: db.url, schema: 'analytics' });
  await runMigrations(analytics.pool, 'analytics', analyticsMigrations);
  consumer = new IdempotentConsumer({
    nats: nc,
    pool: analytics.pool,
    schema: 'analytics',
    ...analyticsConsumer,
    logger: quiet,
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  for (const r of relays) await r.stop();
  await nc?.close();
  for (const s of [...Object.values(stores), analytics]) await s?.close();
  await db?.drop();
  await bus?.dispose();
});

describe('analytics projections on the bus', () => {
  it('apply each event once: a redelivered or re-published event changes nothing', async () => {
    const a = await seedAssistant();
    await seedConversation(a, 3);
    await seedConversation(a, 2);
    await waitFor(async () => (await messagesOf(a)) === 10, 'all messages counted');
    await caughtUp();
    const before = await snapshot();
    // Publish every stored event again, as a relay restarted after a crash would (no dedup window: new msg ids).
    const js = nc.jetstream();
    for (const schema of Object.keys(stores)) {
      const { rows } = await stores[schema].pool.query(`SELECT count(*) AS n FROM "${schema}".events`);
      const all = (await stores[schema].readAll(FEED_START, Number(rows[0].n))).events;
      for (const e of all)
        await js.publish(eventSubject(e.streamId.split('-')[0], e.type), encodeBusEvent(toBusEvent(e)));
    }
    await caughtUp();
    expect(consumer.stats.skipped).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect(await messagesOf(a)).toBe(10);
  });

  it('the consumer pulls two batches at a time and still holds no more than one pull unacknowledged', async () => {
    const info = await (
      await nc.jetstreamManager()
    ).consumers.info(eventStreamName(bus.prefix), analyticsConsumer.name);
    expect(analyticsConsumer.batchSize).toBe(2 * analyticsConsumer.maxBatch!);
    expect(info.config.max_ack_pending).toBe(analyticsConsumer.batchSize);
  });

  it('a batch is applied in two round trips (the lock with every row read, then every row written), as event by event', async () => {
    const a = await seedAssistant();
    const c1 = await seedConversation(a, 3);
    const c2 = await seedConversation(a, 1);
    await caughtUp();
    const events: BusEvent[] = [];
    for (const streamId of [`assistant-${a}`, `conversation-${c1}`, `conversation-${c2}`]) {
      const schema = streamId.startsWith('assistant') ? 'assistants' : 'conversations';
      events.push(...(await stores[schema].readStream(streamId)).map((e) => toBusEvent(e)));
    }
    // Each path applies the same events once more to the live tables, in a transaction rolled back afterwards.
    const applyIn = async (apply: (sql: { query: (...args: any[]) => any }) => Promise<unknown>) => {
      const client = await analytics.pool.connect();
      const statements: string[] = [];
      const sql = {
        query: (...args: any[]) => {
          statements.push(String(args[0]));
          return (client.query as (...a: any[]) => any)(...args);
        },
      };
      try {
        await client.query('BEGIN');
        await apply(sql);
        return { statements, tables: await snapshotIn(client) };
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    const batched = await applyIn((sql) => applyEvents(sql, events, LIVE_TABLES));
    const oneByOne = await applyIn(async (sql) => {
      for (const e of events) await applyEvent(sql, e, LIVE_TABLES);
    });
    expect(batched.statements).toHaveLength(2);
    expect(batched.statements[0]).toMatch(/^SELECT pg_advisory_xact_lock_shared/);
    expect(batched.tables).toEqual(oneByOne.tables);
    expect(batched.tables).not.toEqual(await snapshot());
    // What the two paths added on top of the live tables: the assistant's 8 messages once more.
    const hourly = batched.tables.hourly as { assistantId: string; messages: { user: number; assistant: number } }[];
    const mine = hourly.filter((h) => h.assistantId === a);
    expect(mine.reduce((n, h) => n + h.messages.user + h.messages.assistant, 0)).toBe(16);
  });

  it('rebuild: events committed while it replays are counted once, and rows written behind the fold end up whole', async () => {
    const b = await seedAssistant();
    await seedConversation(b, 2);
    await caughtUp();
    const late: Promise<string>[] = [];
    const result = await rebuildAnalytics({
      databaseUrl: db.url,
      schema: 'analytics',
      sources: ['assistants', 'conversations'],
      batchSize: 2,
      writeEvery: 3,
      // A conversation of this assistant starts while the replay runs: in the snapshot or applied at the swap.
      onProgress: () => void (late.length < 3 && late.push(seedConversation(b, 1))),
    });
    await Promise.all(late);
    expect(result.events).toBeGreaterThan(0);
    await waitFor(async () => (await messagesOf(b)) === 4 + 2 * late.length, 'live counting after the swap');
    await caughtUp();
    const rebuilt = await snapshot();
    // The live consumer carried on from the rebuilt tables; a second rebuild from scratch finds the same.
    await rebuildAnalytics({ databaseUrl: db.url, schema: 'analytics', sources: ['assistants', 'conversations'] });
    expect(await snapshot()).toEqual(rebuilt);
    expect(await messagesOf(b)).toBe(4 + 2 * late.length);
  });

  it('rebuild: one that fails part way leaves the live tables and processed_events as they were', async () => {
    const c = await seedAssistant();
    await seedConversation(c, 2);
    await caughtUp();
    const processed = async () =>
      Number((await analytics.pool.query('SELECT count(*) AS n FROM processed_events')).rows[0].n);
    const [before, recorded] = [await snapshot(), await processed()];
    await expect(
      rebuildAnalytics({
        databaseUrl: db.url,
        schema: 'analytics',
        sources: ['assistants', 'conversations'],
        batchSize: 2,
        onProgress: ({ done }) => {
          if (done >= 4) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(await snapshot()).toEqual(before);
    expect(await processed()).toBe(recorded);
    await seedConversation(c, 1);
    await waitFor(async () => (await messagesOf(c)) === 6, 'live counting goes on');
  });

  it('rebuild: replays every store into fresh tables equal to the live ones, then keeps counting live', async () => {
    const b = await seedAssistant();
    await seedConversation(b, 4);
    await waitFor(async () => (await messagesOf(b)) === 8, 'live projection');
    await caughtUp();
    const live = await snapshot();
    const progress: number[] = [];
    const result = await rebuildAnalytics({
      databaseUrl: db.url,
      schema: 'analytics',
      sources: ['assistants', 'conversations', 'deployments'],
      onProgress: (p) => progress.push(p.done),
    });
    expect(result.events).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(live);
    // After the swap the live consumer carries on: an event the rebuild saw is not counted again, a new one is.
    await seedConversation(b, 1);
    await waitFor(async () => (await messagesOf(b)) === 10, 'a new event counted once after the swap');
    await caughtUp();
    expect(await messagesOf(b)).toBe(10);
  });
});
