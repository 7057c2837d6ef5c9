// Gateway over HTTP, the whole platform in the loop: autocannon (in this process) → gateway (Fastify + Nest)
// → NATS request/reply → assistants service → PostgreSQL, each a separate process, all on this machine.
//   read:  GET /api/v1/assistants/{id}, ids taken round-robin from assistants created beforehand;
//   write: POST /api/v1/assistants, a unique name (hence slug) per request.
// Each is run at several connection counts; the headline is the highest rate whose p99 meets the bound.
import { dist, durationS, natsUrl, require, warmupS } from '../lib/env.mjs';
import { onCleanup } from '../lib/isolation.mjs';
import { runScenario } from '../lib/load.mjs';
import { startBenchPlatform } from '../lib/platform.mjs';

const { Client } = require('pg');
const { connect } = require('nats');

const SEEDED = 100;
const CONNECTIONS = (process.env.BENCH_GATEWAY_CONNECTIONS || '8,12,16,24,32,64')
  .split(',')
  .map((c) => Number(c.trim()))
  .filter((c) => Number.isInteger(c) && c > 0 && c <= 256);

const SCENARIOS = [
  { key: 'read', label: 'GET /api/v1/assistants/{id}', minRate: 2500, maxP99: 25 },
  { key: 'write', label: 'POST /api/v1/assistants', minRate: 700, maxP99: 60 },
];

export const gatewayBenchmark = {
  name: 'gateway',
  title: 'Gateway HTTP (gateway + assistants service as processes)',
  async run({ log }) {
    const { db, bus, platform, headers } = await startBenchPlatform('gateway');
    const messaging = dist('libs/messaging/src/index.js');
    // Probes of the relay's backlog: events in the store not yet in the JetStream stream.
    const pg = new Client({ connectionString: db.url, application_name: 'bench-probe' });
    await pg.connect();
    onCleanup('close probe connection', () => pg.end());
    const nc = await connect({ servers: natsUrl(), name: 'bench-probe' });
    onCleanup('close probe NATS connection', () => nc.close());
    const jsm = await nc.jetstreamManager();
    const relayBacklog = async () => {
      // JetStream first: a request still finishing after the run can only add to the store's count.
      const info = await jsm.streams.info(messaging.eventStreamName(bus.prefix)).catch(() => null);
      const { rows } = await pg.query('SELECT count(*)::int AS n FROM assistants.events');
      return rows[0].n - (info?.state.messages ?? 0);
    };
    log(`platform ready at ${platform.baseUrl} (pids ${JSON.stringify(platform.pids)})`);

    let created = 0;
    const nextBody = () => JSON.stringify({ name: `Bench ${++created}`, type: 'support', tags: ['bench', 'load'] });
    const ids = await seed(platform.baseUrl, headers, nextBody);
    let cursor = 0;
    const requests = {
      read: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: `/api/v1/assistants/${ids[cursor++ % ids.length]}` }),
        },
      ],
      write: [{ method: 'POST', path: '/api/v1/assistants', setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    };

    const measuredS = Math.max(1, Math.round(durationS() * 1.5));
    const warm = Math.round(warmupS(measuredS));
    const rows = [];
    const details = {
      seededAssistants: ids.length,
      readIds: 'round-robin over the seeded ids',
      measuredS,
      warmupS: warm,
      trials: [],
    };
    const wanted = (process.env.BENCH_GATEWAY_SCENARIOS || 'read,write').split(',').map((k) => k.trim());
    for (const scenario of SCENARIOS.filter((sc) => wanted.includes(sc.key))) {
      const result = await runScenario({
        platform,
        headers,
        scenario,
        requests: requests[scenario.key],
        connectionCounts: CONNECTIONS,
        measuredS,
        warmS: warm,
        log,
        afterTrial: async (trial) => {
          trial.relayBacklog = await relayBacklog();
          return `, relay backlog ${trial.relayBacklog}`;
        },
      });
      rows.push(...result.rows);
      details.trials.push(result.details);
    }
    details.assistantsCreated = created;
    return { rows, details };
  },
};

/** Creates the assistants the read scenario fetches (a few requests in flight at a time). */
async function seed(baseUrl, headers, nextBody) {
  const ids = [];
  const worker = async () => {
    while (ids.length < SEEDED) {
      const res = await fetch(`${baseUrl}/api/v1/assistants`, { method: 'POST', headers, body: nextBody() });
      const body = await res.json();
      if (res.status !== 201)
        throw new Error(`seeding: POST /api/v1/assistants answered ${res.status}: ${JSON.stringify(body)}`);
      ids.push(body.id);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return ids.slice(0, SEEDED);
}
