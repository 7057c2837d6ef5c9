import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DeploymentSnapshot, RequestMeta } from '@platform/contracts';
import type { StartDeployment } from '@platform/deployments-domain';
import { PG_POOL } from '@platform/event-store';
import { natsMicroserviceOptions } from '@platform/messaging';
import { createTestBus, createTestDatabase, type TestBus, type TestDatabase } from '@platform/testing';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { SlotWriter } from './slot-writer';

// The slot writer on real PostgreSQL: the statements a deploy costs, and the rows it reads, however long the slot's
// history. The deployments service runs in this process.

let db: TestDatabase;
let bus: TestBus;
let app: INestMicroservice;
const pool = (): Pool => app.get(PG_POOL);
const meta = (): RequestMeta => ({ actorId: 'ops', correlationId: 'c', requestId: uuidv7() });

const snapshot: DeploymentSnapshot = {
  assistantVersion: 2,
  name: 'Deployed often',
  persona: {},
  configuration: { model: 'gpt-4o-mini', temperature: 0.7, maxTokens: 1024, contextWindowTokens: 8192, topP: 1 },
  prompts: [],
  systemPrompt: { text: 'Hi.', tokenCount: 2, encoding: 'o200k_base' },
};

const start = (assistantId: string, manual = false) => {
  const deploymentId = uuidv7();
  return app.get(SlotWriter).execute(
    { assistantId, environment: 'development' },
    meta(),
    'StartDeployment',
    (_, now): StartDeployment => ({
      type: 'StartDeployment',
      deploymentId,
      now,
      actorId: 'ops',
      assistantId,
      ownerId: 'team-a',
      environment: 'development',
      kind: 'deploy',
      manual,
      snapshot,
      resources: {},
      promotedFromDeploymentId: null,
      notes: null,
      readiness: {
        environment: 'development',
        assistantVersion: 2,
        assistantStatus: 'active',
        configuration: snapshot.configuration,
        systemPrompt: { composes: true },
        gateVersion: null,
      },
    }),
    (slot) => slot.deployments.find((d) => d.id === deploymentId)!,
  );
};

/**
 * Runs `work`, counting the round trips of its transaction to PostgreSQL (a statement sent while another of the same
 * connection is unanswered travels in the same one) and the rows each statement answers (the last result of a
 * batch). Only the transaction that locked a slot counts: the relay reads the feed on the same pool meanwhile.
 */
async function observed<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number; rows: number[] }> {
  let counting = true;
  const byClient = new Map<object, { texts: string[]; rows: number[]; roundTrips: number; unanswered: number }>();
  const wrapped = new WeakSet<object>();
  const count = (client: { query: (...args: unknown[]) => Promise<unknown> }) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client);
    client.query = async (...args: unknown[]) => {
      if (!counting) return query(...args);
      const seen = byClient.get(client) ?? { texts: [], rows: [], roundTrips: 0, unanswered: 0 };
      byClient.set(client, seen);
      if (seen.unanswered === 0) seen.roundTrips += 1;
      seen.unanswered += 1;
      const at = seen.texts.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text));
      try {
        const result = (await query(...args)) as { rows?: unknown[] } | { rows?: unknown[] }[];
        const last = Array.isArray(result) ? result[result.length - 1] : result;
        seen.rows[at - 1] = last?.rows?.length ?? 0;
        return result;
      } finally {
        seen.unanswered -= 1;
      }
    };
  };
  pool().on('acquire', count);
  try {
    const result = await work();
    // The deploy's transaction: the one that locked a slot (other work of the service may run meanwhile).
    const transactions = [...byClient.values()].filter(
      (c) => c.texts[0]?.startsWith('BEGIN') && c.texts[0].includes('deployment-slot-'),
    );
    expect(transactions).toHaveLength(1);
    return { result, roundTrips: transactions[0].roundTrips, rows: transactions[0].rows };
  } finally {
    counting = false;
    pool().off('acquire', count);
  }
}

beforeAll(async () => {
  db = await createTestDatabase('deployments_slot');
  bus = createTestBus('deployments_slot');
  process.env.DATABASE_URL = db.url;
  const { AppModule } = await import('../../app.module');
  app = await NestFactory.createMicroservice(AppModule, { ...natsMicroserviceOptions('deployments'), logger: false });
  await app.listen();
});

afterAll(async () => {
  await app?.close();
  await bus?.dispose();
  await db?.drop();
});

describe('slot writer', () => {
  it('deploys in four round trips: BEGIN with the lock and the slot read, the append, the view row, COMMIT', async () => {
    const { result, roundTrips } = await observed(() => start(uuidv7()));
    expect(result.status).toBe('active');
    expect(roundTrips).toBe(4);
  });

  it('supersedes in six, reading only what serves or is on its way however long the history', async () => {
    const assistantId = uuidv7();
    let previous = await start(assistantId);
    for (let i = 0; i < 20; i++) previous = await start(assistantId);
    const { result, roundTrips, rows } = await observed(() => start(assistantId));
    expect(result).toMatchObject({ status: 'active', previousDeploymentId: previous.id });
    // BEGIN + lock + slot read, append and view row of the new deployment, of the superseded one, COMMIT.
    expect(roundTrips).toBe(6);
    expect(rows[0]).toBe(1); // the active deployment, not the 21 of the slot
    const { rows: slot } = await pool().query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM deployment_view WHERE assistant_id = $1 GROUP BY status ORDER BY status`,
      [assistantId],
    );
    expect(slot).toEqual([
      { status: 'active', n: 1 },
      { status: 'superseded', n: 21 },
    ]);
  });

  it('still refuses a deploy while another is pending, with a long history beside it', async () => {
    const assistantId = uuidv7();
    for (let i = 0; i < 5; i++) await start(assistantId);
    const pending = await start(assistantId, true);
    expect(pending.status).toBe('pending');
    await expect(start(assistantId)).rejects.toMatchObject({ name: 'DeploymentInProgressError' });
  });
});
