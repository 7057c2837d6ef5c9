// Deployments through the whole platform (gateway → NATS → deployments service → PostgreSQL, the assistants
// service asked for the readiness checks and the snapshot), as separate processes:
//   pipeline: POST /assistants/{id}/deploy to development then POST /assistants/{id}/promote to testing, one
//             closed-loop client per assistant, each pair timed as one round trip (readiness checks included);
//   status:   GET /assistants/{id}/deployment-status of assistants deployed to every environment, 8 readers
//             (autocannon connections, one request in flight each).
import { durationS, warmupS } from '../lib/env.mjs';
import { startBenchPlatform } from '../lib/platform.mjs';
import { closedLoop, measure } from '../lib/load.mjs';
import { describeCpu, startCpuSampler } from '../lib/cpu.mjs';
import { round, summarize } from '../lib/stats.mjs';

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
    // The readiness checks compose a real system prompt: every assistant links a primary prompt with a variable.
    const prompt = await call(
      'POST',
      '/api/v1/prompts',
      {
        name: 'Bench deploy greeting',
        template: 'Greet {{customer}} and answer about {{product}}.',
        variables: [
          { name: 'customer', required: true, default: 'there' },
          { name: 'product', required: false, default: 'our service' },
        ],
      },
      201,
    );
    const assistant = async (name) => {
      const a = await call('POST', '/api/v1/assistants', { name, persona: { tone: 'calm' } }, 201);
      await call('POST', `/api/v1/assistants/${a.id}/prompts`, { promptId: prompt.id, role: 'primary' }, 201);
      await call('PUT', `/api/v1/assistants/${a.id}`, { status: 'active' });
      return a.id;
    };
    const measuredS = Math.max(1, Math.round(durationS()));
    const warmS = Math.round(warmupS(measuredS));
    const rows = [];
    const details = {};
    const pids = { bench: process.pid, ...platform.pids };
    /** µs of CPU per operation in each process group, from the % of one core each used over the phase. */
    const perOperation = (cpu, operations) =>
      cpu && operations
        ? Object.fromEntries(
            ['bench', ...Object.keys(platform.pids), 'postgres', 'nats']
              .filter((g) => cpu[g])
              .map((g) => [g, round((cpu[g] / 100) * (1e6 / operations), 0)]),
          )
        : null;
    // CPU over the measured part of a closed loop (it warms up for warmS first).
    const measuredCpu = () => {
      let sampler;
      const started = setTimeout(() => (sampler = startCpuSampler(pids)), warmS * 1000);
      return {
        stop(operations) {
          clearTimeout(started);
          const cpu = sampler?.stop() ?? null;
          return { cpu, usPerOperation: perOperation(cpu, operations) };
        },
      };
    };
    const describePerOperation = (us) =>
      us
        ? Object.entries(us)
            .map(([g, v]) => `${g} ${v}`)
            .join(', ') + ' µs CPU per operation'
        : 'n/a';

    // 1. Deploy to development, then promote to testing: the pair as one round trip.
    const pipelines = [];
    for (let i = 0; i < CLIENTS; i++) pipelines.push(await assistant(`Bench Pipeline ${i}`));
    const deploys = [];
    const pipelineCpu = measuredCpu();
    const measureFrom = Date.now() + warmS * 1000;
    const measureTo = measureFrom + measuredS * 1000;
    const pipeline = await closedLoop(CLIENTS, measuredS, warmS, async (i) => {
      const id = pipelines[i];
      const t0 = performance.now();
      const deployed = await send('POST', `/api/v1/assistants/${id}/deploy`, { environment: 'development' });
      await deployed.arrayBuffer();
      // The deploy alone, over the same measured window as the round trips (no warm-up, no failures).
      if (deployed.status === 201 && Date.now() >= measureFrom && Date.now() <= measureTo)
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
    const pipelineUse = pipelineCpu.stop(pipeline.latency.count);
    log(
      `pipeline: ${pipeline.perS} deploy+promote/s, p50 ${pipeline.latency.median} ms, p99 ${pipeline.latency.p99} ms; ` +
        `deploy alone p50 ${deploy.median} ms, p99 ${deploy.p99} ms; ${pipeline.failures} failed; ` +
        `cpu: ${describeCpu(pipelineUse.cpu)}; ${describePerOperation(pipelineUse.usPerOperation)}`,
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
    details.pipeline = { ...pipeline, deployAlone: deploy, ...pipelineUse };

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
    // Read with autocannon, as the gateway benchmark reads GET /assistants/{id}: each of the READERS connections
    // has one request in flight (a closed loop per reader), and the load generator's own CPU per request is a
    // fraction of fetch's, which on 2 shared cores was taken from the platform it measures.
    const statusRequests = [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/assistants/${readable[Math.floor(Math.random() * readable.length)]}/deployment-status`,
        }),
      },
    ];
    const base = { url: platform.baseUrl, connections: READERS, headers, requests: statusRequests };
    await measure({ ...base, duration: warmS });
    const sampler = startCpuSampler(pids);
    const read = await measure({ ...base, duration: measuredS });
    const cpu = sampler.stop();
    const usPerOperation = perOperation(cpu, read.responses);
    const status = {
      latency: read.latencyMs,
      perS: read.reqPerS,
      failures: read.errors,
      statuses: read.statuses,
      cpu,
      usPerOperation,
    };
    log(
      `status: ${status.perS} reads/s, p50 ${status.latency.median} ms, p99 ${status.latency.p99} ms, ` +
        `${status.failures} failed; cpu: ${describeCpu(cpu)}; ${describePerOperation(usPerOperation)}`,
    );
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
