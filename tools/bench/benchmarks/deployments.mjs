// Deployments through the whole platform (gateway → NATS → deployments service → PostgreSQL, the assistants
// service asked for the readiness checks and the snapshot), as separate processes:
//   pipeline: POST /assistants/{id}/deploy to development then POST /assistants/{id}/promote to testing, one
//             closed-loop client per assistant, each pair timed as one round trip (readiness checks included);
//   status:   GET /assistants/{id}/deployment-status of assistants deployed to every environment, 8 readers.
import { durationS, warmupS } from '../lib/env.mjs';
import { startBenchPlatform } from '../lib/platform.mjs';
import { closedLoop } from '../lib/load.mjs';
import { summarize } from '../lib/stats.mjs';

const CLIENTS = Number(process.env.BENCH_DEPLOY_CLIENTS || 4);
const READ_ASSISTANTS = 50;
const READERS = Number(process.env.BENCH_DEPLOY_READERS || 8);

export const deploymentsBenchmark = {
  name: 'deployments',
  title: 'Deployments: deploy + promote round trips, deployment-status reads (gateway + services as processes)',
  async run({ log }) {
    const { platform, headers } = await startBenchPlatform('deployments');
    const send = (method, path, body) =>
      fetch(platform.baseUrl + path, { method, headers, body: body && JSON.stringify(body) });
    const call = async (method, path, body, status = 200) => {
      const res = await send(method, path, body);
      const json = await res.json();
      if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
      return json;
    };
    const assistant = async (name) => {
      const a = await call('POST', '/api/v1/assistants', { name, persona: { tone: 'calm' } }, 201);
      await call('PUT', `/api/v1/assistants/${a.id}`, { status: 'active' });
      return a.id;
    };
    const measuredS = Math.max(1, Math.round(durationS()));
    const warmS = Math.round(warmupS(measuredS));
    const rows = [];
    const details = {};

    // 1. Deploy to development, then promote to testing: the pair as one round trip.
    const pipelines = [];
    for (let i = 0; i < CLIENTS; i++) pipelines.push(await assistant(`Bench Pipeline ${i}`));
    const deploys = [];
    const pipeline = await closedLoop(CLIENTS, measuredS, warmS, async (i) => {
      const id = pipelines[i];
      const t0 = performance.now();
      const deployed = await send('POST', `/api/v1/assistants/${id}/deploy`, { environment: 'development' });
      await deployed.arrayBuffer();
      deploys.push(performance.now() - t0);
      if (deployed.status !== 201) return false;
      const promoted = await send('POST', `/api/v1/assistants/${id}/promote`, {
        fromEnvironment: 'development',
        toEnvironment: 'testing',
      });
      await promoted.arrayBuffer();
      return promoted.status === 201;
    });
    const deploy = summarize(deploys);
    log(
      `pipeline: ${pipeline.perS} deploy+promote/s, p50 ${pipeline.latency.median} ms, p99 ${pipeline.latency.p99} ms; ` +
        `deploy alone p50 ${deploy.median} ms, p99 ${deploy.p99} ms; ${pipeline.failures} failed`,
    );
    rows.push({
      metric: `POST deploy (development) + POST promote (testing), ${CLIENTS} concurrent clients`,
      median: pipeline.latency.median,
      p99: pipeline.latency.p99,
      throughput: pipeline.perS,
      unit: 'round trips/s',
      target: 'p99 ≤ 100 ms, none failed',
      met: pipeline.latency.p99 <= 100 && pipeline.failures === 0,
    });
    details.pipeline = { ...pipeline, deployAlone: deploy };

    // 2. deployment-status of assistants that run in every environment.
    const readable = [];
    for (let i = 0; i < READ_ASSISTANTS; i++) {
      const id = await assistant(`Bench Status ${i}`);
      await call('POST', `/api/v1/assistants/${id}/deploy`, { environment: 'development' }, 201);
      for (const [from, to] of [
        ['development', 'testing'],
        ['testing', 'staging'],
        ['staging', 'production'],
      ]) {
        await call('POST', `/api/v1/assistants/${id}/promote`, { fromEnvironment: from, toEnvironment: to }, 201);
      }
      readable.push(id);
    }
    const status = await closedLoop(READERS, measuredS, warmS, async () => {
      const id = readable[Math.floor(Math.random() * readable.length)];
      const res = await send('GET', `/api/v1/assistants/${id}/deployment-status`);
      await res.arrayBuffer();
      return res.status === 200;
    });
    log(`status: ${status.perS} reads/s, p50 ${status.latency.median} ms, p99 ${status.latency.p99} ms`);
    rows.push({
      metric: `GET /assistants/{id}/deployment-status, ${READERS} readers over ${READ_ASSISTANTS} assistants`,
      median: status.latency.median,
      p99: status.latency.p99,
      throughput: status.perS,
      unit: 'reads/s',
      target: 'p99 ≤ 15 ms, none failed',
      met: status.latency.p99 <= 15 && status.failures === 0,
    });
    details.status = status;
    return { rows, details };
  },
};
