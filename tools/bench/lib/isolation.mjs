// Every benchmark runs against its own database and its own bus prefix, removed when it ends (also when it
// fails or the run is interrupted), so runs on a shared server never see each other's data.
import { randomBytes } from 'node:crypto';
import { natsUrl, pgAdminUrl, require } from './env.mjs';

const { Client } = require('pg');
const { connect } = require('nats');

const cleanups = [];

/** Registers `fn` to run at the end of the current benchmark (last registered runs first). */
export function onCleanup(label, fn) {
  cleanups.push({ label, fn });
}

/** Runs and forgets every registered cleanup; failures are reported, never thrown. */
export async function runCleanups(log = console.error) {
  while (cleanups.length > 0) {
    const { label, fn } = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      log(`cleanup "${label}" failed: ${err?.message ?? err}`);
    }
  }
}

const suffix = () => randomBytes(5).toString('hex');

async function admin(work) {
  const client = new Client({ connectionString: pgAdminUrl().toString(), application_name: 'bench-admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database `bench_<label>_<random>`, dropped (connections forced off) at cleanup, or earlier by its
 * drop() (a benchmark that makes many databases drops each one when done with it).
 */
export async function createBenchDatabase(label) {
  const name = `bench_${label}_${suffix()}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const drop = () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  onCleanup(`drop database ${name}`, drop);
  const url = pgAdminUrl();
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop };
}

/**
 * A bus prefix `bench_<label>_<random>`; at cleanup every JetStream stream whose name starts with the
 * prefix's stream-name prefix (as bus-config derives it) is deleted, with its consumers.
 */
export function createBenchBus(label, streamNamePrefix) {
  const prefix = `bench_${label}_${suffix()}`;
  const namePrefix = streamNamePrefix(prefix);
  onCleanup(`delete streams ${namePrefix}*`, () => deleteStreams(namePrefix));
  return { prefix, namePrefix };
}

async function deleteStreams(namePrefix) {
  const nc = await connect({ servers: natsUrl(), name: 'bench-cleanup', maxReconnectAttempts: 0 });
  try {
    const jsm = await nc.jetstreamManager();
    const names = [];
    for await (const name of jsm.streams.names()) if (name.startsWith(namePrefix)) names.push(name);
    await Promise.all(names.map((name) => jsm.streams.delete(name)));
  } finally {
    await nc.close();
  }
}
