import { INSTALLATION_QUERY, installationIdOf } from '@platform/contracts';
import type { SqlExecutor } from '../port/event-store.port';

/**
 * Which installation of the platform a database is (see installationIdOf): every service of one installation
 * shares the database and so computes the same id; another database gives another id. Nothing is stored.
 */
export async function readInstallationId(sql: SqlExecutor): Promise<string> {
  const { rows } = await sql.query<{ system: string; db: string }>(INSTALLATION_QUERY);
  return installationIdOf(rows[0].system, rows[0].db);
}
