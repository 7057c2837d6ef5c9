/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  busOfPrefix,
  createTestDatabase,
  derivedPrefixOf,
  runAppUntilExit,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
  waitFor,
} from '@platform/testing';
import { client } from './http-client';

// Two installations (two databases) on one NATS, as a team running staging beside development would have them.

describe('two installations on one NATS', () => {
  const dbs: TestDatabase[] = [];
  const platforms: RunningPlatform[] = [];
  const prefixes: string[] = [];

  beforeAll(async () => {
    for (const label of ['e2e_install_a', 'e2e_install_b']) {
      const db = await createTestDatabase(label);
      dbs.push(db);
      prefixes.push(await derivedPrefixOf(db.url));
      // No BUS_PREFIX: each derives its own from its database, as `npm start` does for users.
      platforms.push(await startPlatform({ databaseUrl: db.url }));
    }
    // Two whole platforms (every service and a gateway each) start one after the other: more than the default
    // minute on a busy machine, and a hook cut short would leave the half-started one running.
  }, 180_000);

  afterAll(async () => {
    await Promise.all(platforms.map((p) => p.stop()));
    await Promise.all(prefixes.map((p) => busOfPrefix(p).dispose()));
    await Promise.all(dbs.map((db) => db.drop()));
  });

  it('keep to themselves by default: every request is answered from its own database, every event on its own stream', async () => {
    expect(prefixes[0]).not.toBe(prefixes[1]);
    const [a, b] = platforms.map((p) => client(p.baseUrl, p.token, { contracts: true }));
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await a('POST', '/api/v1/assistants', { body: { name: `Only In A ${i}` } });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
      expect((await a('GET', `/api/v1/assistants/${created.body.id}`)).status).toBe(200);
    }
    expect((await b('GET', '/api/v1/assistants')).body.data).toEqual([]);
    // The relay publishes a moment after each commit: wait for the ten on A's stream, then compare.
    const created = async () => (await busOfPrefix(prefixes[0]).events()).filter((e) => e.type === 'AssistantCreated');
    await waitFor(async () => (await created()).length >= ids.length, "the creations on A's stream");
    const onA = await busOfPrefix(prefixes[0]).events();
    expect(onA.filter((e) => e.type === 'AssistantCreated').map((e) => (e.data as any).assistantId)).toEqual(ids);
    expect(await busOfPrefix(prefixes[1]).events()).toEqual([]);
  });

  it("refuse to start a service on another installation's bus prefix, saying how to choose another", async () => {
    const { code, output } = await runAppUntilExit('assistants', { DATABASE_URL: dbs[1].url, BUS_PREFIX: prefixes[0] });
    expect(code).toBe(1);
    expect(output).toContain(`Another installation`);
    expect(output).toContain('BUS_PREFIX');
    const a = client(platforms[0].baseUrl, platforms[0].token);
    expect((await a('GET', '/ready', { auth: false })).status).toBe(200);
  });
});
