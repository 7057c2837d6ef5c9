// Every benchmark runs against its own database and its own bus prefix, removed when it ends (also when it
// fails or the run is interrupted), so runs on a shared server never see each other's data.
import { createDatabase, deleteStreams, uniqueName } from '../../dev/isolation.js';
import { pgAdminUrl } from './env.mjs';

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

/**
 * A fresh database `bench_<label>_<random>`, dropped (connections forced off) at cleanup, or earlier by its
 * drop() (a benchmark that makes many databases drops each one when done with it).
 */
export async function createBenchDatabase(label) {
  pgAdminUrl(); // refuses anything but the loopback address
  const db = await createDatabase('bench', label);
  onCleanup(`drop database ${db.name}`, db.drop);
  return db;
}

/** A bus prefix `bench_<label>_<random>`; at cleanup every JetStream stream of the prefix is deleted. */
export function createBenchBus(label) {
  const prefix = uniqueName('bench', label);
  onCleanup(`delete streams of ${prefix}`, () => deleteStreams(`${prefix}.>`));
  return { prefix };
}
