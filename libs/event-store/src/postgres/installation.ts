import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../port/event-store.port';

/**
 * Which installation of the platform a database is: the PostgreSQL cluster's system identifier and the database
 * name, hashed. Every service of one installation shares the database and so computes the same id; another
 * database (another cluster, or another database of the same one) gives another id. Nothing is stored.
 */
export async function readInstallationId(sql: SqlExecutor): Promise<string> {
  const { rows } = await sql.query<{ system: string; db: string }>(
    'SELECT system_identifier::text AS system, current_database() AS db FROM pg_control_system()',
  );
  return createHash('sha256').update(`${rows[0].system}/${rows[0].db}`).digest('hex').slice(0, 16);
}
