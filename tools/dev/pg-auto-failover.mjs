// pg_auto_failover (pg_autoctl) for the failover drill: use it when installed, install Debian's package when
// root, else say what is missing. It runs PostgreSQL servers of its own, so it needs the server binaries too.
import fs from 'node:fs';
import path from 'node:path';
import { Missing, aptInstall, canApt, run, which } from './sys.mjs';

const PACKAGE = 'postgresql-15-auto-failover';
const SERVER_BIN = '/usr/lib/postgresql/15/bin';

/** `{ pgautoctl, binDir, how }`: the pg_autoctl program and the PostgreSQL 15 bin folder it drives. */
export function ensurePgAutoFailover({ log = () => undefined } = {}) {
  let pgautoctl = which('pg_autoctl') ?? existing(path.join(SERVER_BIN, 'pg_autoctl'));
  let how = 'installed';
  if (!pgautoctl) {
    if (!canApt()) throw new Missing(notInstalledHelp());
    log(`pg_autoctl is missing; installing ${PACKAGE} with apt-get ...`);
    aptInstall([PACKAGE]);
    pgautoctl = which('pg_autoctl') ?? existing(path.join(SERVER_BIN, 'pg_autoctl'));
    if (!pgautoctl) throw new Missing(`apt-get installed ${PACKAGE} but no pg_autoctl program was found afterwards`);
    how = `installed ${PACKAGE} now`;
  }
  if (!existing(path.join(SERVER_BIN, 'pg_ctl'))) {
    throw new Missing(
      `pg_autoctl is there but the PostgreSQL 15 server is not (${SERVER_BIN}): apt-get install postgresql-15`,
    );
  }
  const version = run(pgautoctl, ['--version']).split('\n')[0].trim();
  return { pgautoctl, binDir: SERVER_BIN, how: `${how} (${version})` };
}

const existing = (file) => (fs.existsSync(file) ? file : null);

function notInstalledHelp() {
  const asRoot = which('apt-get') ? ' (run as root to have it installed with apt-get)' : '';
  return [
    `pg_auto_failover is not installed${asRoot}. Get it:`,
    `  Debian/Ubuntu: sudo apt-get install -y ${PACKAGE}`,
    '  elsewhere: https://pg-auto-failover.readthedocs.io/en/main/install.html',
  ].join('\n');
}
