import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, type Migration } from '@platform/event-store';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

export const kitSecretsMigration: Migration = {
  id: 'kit-002-secrets',
  sql: `CREATE TABLE IF NOT EXISTS kit_secrets (name text PRIMARY KEY, value text NOT NULL);`,
};

/**
 * Keys a service keeps to itself (the cursor signing key, a pepper for hashing secrets), one per name in the
 * service's `kit_secrets` table: the first instance to ask generates it, every replica then reads the same one.
 */
@Injectable()
export class KitSecrets {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async get(name: string): Promise<Buffer> {
    await this.pool.query(`INSERT INTO kit_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      name,
      randomBytes(32).toString('base64url'),
    ]);
    const { rows } = await this.pool.query<{ value: string }>(`SELECT value FROM kit_secrets WHERE name = $1`, [name]);
    return Buffer.from(rows[0].value);
  }
}
