#!/usr/bin/env node
// Makes sure this machine has the PostgreSQL and NATS JetStream servers that DATABASE_URL and NATS_URL name:
// reuse what answers, start what is installed, install on a Debian-like box when root, else say what is
// missing and how to get it. One line per service; exits 0 only when both are usable.
//
//   node tools/dev/ensure-services.mjs        (npm run services)
//   SERVICES_DEADLINE_MS  how long to wait for a server that is starting (default 30000)
import { ensureNats } from './nats-service.mjs';
import { ensurePostgres } from './postgres-service.mjs';
import { Missing } from './sys.mjs';

const deadlineMs = Number(process.env.SERVICES_DEADLINE_MS) || 30_000;
let ok = true;
// One after the other: two apt-get runs at once would fight over the dpkg lock.
for (const [name, ensure] of [
  ['postgres', ensurePostgres],
  ['nats', ensureNats],
]) {
  const log = (line) => console.log(`${name}: ${line}`);
  try {
    log(await ensure({ deadlineMs, log }));
  } catch (err) {
    ok = false;
    console.error(`${name}: ${err instanceof Missing ? err.message : (err?.stack ?? String(err))}`);
  }
}
process.exit(ok ? 0 : 1);
