import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import { Client } from 'pg';
import { client } from './http-client';

// SIGTERM to a service while writes wait on an aggregate's stream lock: each write still commits and each client
// gets its real answer, because the service stops taking requests but answers those in flight before it closes.
describe('a service stopping with writes in flight', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_service_stop', { RPC_TIMEOUT_MS: '15000' });
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(() => platform?.dispose());

  it('answers every write waiting on a stream lock, then exits', async () => {
    const { body: assistant } = await api('POST', '/api/v1/assistants', { body: { name: 'Busy' } });
    const pg = new Client({ connectionString: platform.databaseUrl });
    await pg.connect();
    // Hold the assistant's stream lock, as a long write would, so the service's writers queue behind it.
    await pg.query('BEGIN');
    await pg.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
      'assistants',
      `assistant-${assistant.id}`,
    ]);
    const writes = Array.from({ length: 8 }, (_, i) =>
      api('POST', `/api/v1/assistants/${assistant.id}/usage`, { body: { messages: i + 1 } }),
    );
    // Watched from another session: inside a transaction pg_stat_activity shows the snapshot of its first read.
    const watcher = new Client({ connectionString: platform.databaseUrl });
    await watcher.connect();
    await waitFor(async () => {
      const { rows } = await watcher.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'advisory' AND datname = current_database()",
      );
      return rows[0].n >= 8;
    }, 'eight writers waiting on the lock');
    await watcher.end();
    const service = platform.processes.get('assistants')!;
    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500)); // longer than any fixed grace period would wait
    await pg.query('COMMIT');
    await pg.end();
    const answers = await Promise.all(writes);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(await exited).toBe(0);
    await platform.start('assistants');
    await waitFor(async () => (await fetch(`${platform.baseUrl}/ready`)).status === 200, 'the service back');
    const { body: after } = await api('GET', `/api/v1/assistants/${assistant.id}`);
    expect(after.usage.messages).toBe(36);
    expect(after.version).toBe(9);
  });
});
