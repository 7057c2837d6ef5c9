import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { BusEventEnvelope, DeploymentSnapshot, RequestMeta } from '@platform/contracts';
import type { Deployment, StartDeployment } from '@platform/deployments-domain';
import { PG_POOL } from '@platform/event-store';
import { connectNats, eventSubject, natsMicroserviceOptions } from '@platform/messaging';
import { ConsumerHost } from '@platform/service-kit';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@platform/testing';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { SlotWriter } from '../deployments/infrastructure/slot-writer';
import { ARCHIVE_CONSUMER } from './archive.workflow';

// The archive workflow on real PostgreSQL and NATS JetStream: the deployments service in this process, its
// deployments written through its own SlotWriter, and AssistantArchived published as the assistants service's
// relay does, delivered more than once.

let db: TestDatabase;
let bus: TestBus;
let app: INestMicroservice;
const pool = (): Pool => app.get(PG_POOL);
const meta: RequestMeta = { actorId: 'ops', correlationId: 'c', requestId: 'r' };

const snapshot: DeploymentSnapshot = {
  assistantVersion: 2,
  name: 'Archived soon',
  persona: {},
  configuration: { model: 'gpt-4o-mini', temperature: 0.7, maxTokens: 1024, contextWindowTokens: 8192, topP: 1 },
  prompts: [],
  systemPrompt: { text: 'Hi.', tokenCount: 2, encoding: 'o200k_base' },
};

async function deploy(assistantId: string, environment: 'development' | 'testing', manual = false) {
  const deploymentId = uuidv7();
  return app.get(SlotWriter).execute(
    { assistantId, environment },
    { ...meta, requestId: uuidv7() },
    'StartDeployment',
    (_, now): StartDeployment => ({
      type: 'StartDeployment',
      deploymentId,
      now,
      actorId: 'ops',
      assistantId,
      ownerId: 'team-a',
      environment,
      kind: 'deploy',
      manual,
      snapshot,
      resources: {},
      promotedFromDeploymentId: null,
      notes: null,
      readiness: {
        environment,
        assistantVersion: 2,
        assistantStatus: 'active',
        configuration: snapshot.configuration,
        systemPrompt: { composes: true },
        gateVersion: null,
      },
    }),
    () => deploymentId,
  );
}

const archived = (assistantId: string): BusEventEnvelope => ({
  id: uuidv7(),
  streamId: `assistant-${assistantId}`,
  type: 'AssistantArchived',
  schemaVersion: 1,
  data: { assistantId, from: 'active', at: new Date().toISOString() },
  metadata: {
    actorId: 'editor-1',
    correlationId: 'archive-1',
    causationId: 'req-1',
    occurredAt: new Date().toISOString(),
  },
  revision: 3,
  position: 3,
});

async function publish(...events: BusEventEnvelope[]) {
  const nc = await connectNats({ name: 'deployments-test-publisher' });
  // A fresh message id each time: JetStream keeps every copy, as after a relay that published twice.
  for (const e of events) {
    await nc.jetstream().publish(eventSubject('assistant', e.type, bus.prefix), JSON.stringify(e), {
      msgID: `${e.id}-${uuidv7()}`,
    });
  }
  await nc.drain();
}

const statuses = async (ids: string[]) => {
  const { rows } = await pool().query<{ doc: Deployment }>(
    'SELECT doc FROM deployment_view WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.doc.id, r.doc.status]));
};
const statusChanges = async (ids: string[]) => {
  const { rows } = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deployments.events WHERE type = 'DeploymentStatusChanged' AND stream_id = ANY($1)`,
    [ids.map((id) => `deployment-${id}`)],
  );
  return rows[0].n;
};

beforeAll(async () => {
  db = await createTestDatabase('deployments');
  bus = createTestBus('deployments'); // before the module is loaded: its subjects are fixed when its classes are defined
  process.env.DATABASE_URL = db.url;
  const { AppModule } = await import('../app.module');
  app = await NestFactory.createMicroservice(AppModule, { ...natsMicroserviceOptions('deployments'), logger: false });
  await app.listen();
});

afterAll(async () => {
  await app?.close();
  await bus?.dispose();
  await db?.drop();
});

describe('archive workflow', () => {
  it('retires what runs and fails what is on its way, once, however often the event arrives', async () => {
    const assistantId = uuidv7();
    const bystander = uuidv7();
    const active = await deploy(assistantId, 'development');
    const pending = await deploy(assistantId, 'development', true);
    const testing = await deploy(assistantId, 'testing');
    const untouched = await deploy(bystander, 'development');
    const ids = [active, pending, testing];

    const event = archived(assistantId);
    await publish(event, event); // delivered twice
    await waitFor(
      async () => Object.values(await statuses(ids)).every((s) => s !== 'active' && s !== 'pending'),
      'the archive applied',
    );
    expect(await statuses([...ids, untouched])).toEqual({
      [active]: 'retired',
      [pending]: 'failed',
      [testing]: 'retired',
      [untouched]: 'active',
    });
    const consumer = () => app.get(ConsumerHost).stats[ARCHIVE_CONSUMER];
    await waitFor(async () => consumer().handled + consumer().skipped >= 2, 'both copies seen');
    expect(consumer()).toMatchObject({ handled: 1, skipped: 1, failed: 0 });
    expect(await statusChanges(ids)).toBe(3);

    // A redelivery that finds no record of the event (its ack was lost after the retirement committed, say) runs
    // the workflow again: the decider finds nothing live and appends nothing.
    await pool().query('DELETE FROM deployments.processed_events WHERE consumer = $1', [ARCHIVE_CONSUMER]);
    await publish(event);
    await waitFor(async () => consumer().handled >= 2, 'the redelivery handled');
    expect(await statusChanges(ids)).toBe(3);
    const { rows } = await pool().query<{ actor: string; correlation: string; causation: string }>(
      `SELECT metadata->>'actorId' AS actor, metadata->>'correlationId' AS correlation,
              metadata->>'causationId' AS causation
       FROM deployments.events WHERE type = 'DeploymentStatusChanged' AND stream_id = $1`,
      [`deployment-${active}`],
    );
    expect(rows).toEqual([{ actor: 'editor-1', correlation: 'archive-1', causation: event.id }]);
  });

  it('ignores an archived assistant without deployments', async () => {
    const before = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM deployments.events');
    const consumer = () => app.get(ConsumerHost).stats[ARCHIVE_CONSUMER];
    const handled = consumer().handled;
    await publish(archived(uuidv7()));
    await waitFor(async () => consumer().handled > handled, 'the event handled');
    const after = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM deployments.events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
