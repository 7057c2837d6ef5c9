// Child process of the peer comparison (benchmarks/peer.mjs): opens one store on the database it is given, runs
// one workload and sends the figures back over IPC. A process per run keeps the two stores' drivers apart (see
// lib/peer-stores.mjs) and gives each run a fresh heap and JIT.
import { openStore } from './peer-stores.mjs';
import { appendWorkload, contendedWorkload, feedWorkload } from './peer-workloads.mjs';

const WORKLOADS = { append: appendWorkload, contended: contendedWorkload, feed: feedWorkload };

async function main() {
  const { store: which, url, poolSize, workload, options } = JSON.parse(process.argv[2]);
  const store = await openStore(which, { url, poolSize });
  try {
    return await WORKLOADS[workload](store, options);
  } finally {
    await store.close();
  }
}

main().then(
  (result) => process.send({ ok: true, result }, () => process.exit(0)),
  (err) => process.send({ ok: false, error: String(err?.stack ?? err) }, () => process.exit(1)),
);
