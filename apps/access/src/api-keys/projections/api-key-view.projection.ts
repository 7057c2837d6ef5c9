import type { ApiKey } from '@platform/access-domain';
import type { SqlExecutor } from '@platform/event-store';

/** The API key read model, written inside the append transaction: the folded key and the columns lists filter on. */
export async function writeApiKeyView(sql: SqlExecutor, key: ApiKey, revision: number): Promise<void> {
  await sql.query(
    `INSERT INTO api_key_view (id, role, owner_id, created_at, revoked_at, expires_at, doc, revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET
       role = EXCLUDED.role, owner_id = EXCLUDED.owner_id, revoked_at = EXCLUDED.revoked_at,
       expires_at = EXCLUDED.expires_at, doc = EXCLUDED.doc, revision = EXCLUDED.revision`,
    [key.id, key.role, key.ownerId, key.createdAt, key.revokedAt, key.expiresAt, JSON.stringify(key), revision],
  );
}
