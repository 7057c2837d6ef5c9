import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { API_KEY_PREFIX } from '@platform/contracts';
import { KitSecrets } from '@platform/service-kit';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// pk_live_ + the key id (32 hex) + 32 random bytes (43 base64url): the id finds the key with one indexed read,
// the random part is what proves possession.
const TOKEN = new RegExp(`^${API_KEY_PREFIX}([0-9a-f]{32})([A-Za-z0-9_-]{43})$`);
const SEAL_IV_BYTES = 12;
const SEAL_TAG_BYTES = 16;

/**
 * API key secrets: issued once, stored only as HMAC-SHA256 under the service's own key (a pepper kept in
 * kit_secrets, never in events), compared in constant time. A leaked event or read model gives no usable token.
 */
@Injectable()
export class ApiKeySecrets implements OnModuleInit {
  private pepper: Buffer = Buffer.alloc(0);
  private sealKey: Buffer = Buffer.alloc(0);

  constructor(@Inject(KitSecrets) private readonly secrets: KitSecrets) {}

  async onModuleInit(): Promise<void> {
    this.pepper = await this.secrets.get('api-key-pepper');
    this.sealKey = createHmac('sha256', this.pepper).update('idempotent-replay-seal').digest();
  }

  /** A new secret for the key `keyId`, and the hash that is all the service keeps of it. */
  issue(keyId: string): { secret: string; hash: string } {
    const secret = `${API_KEY_PREFIX}${keyId.replaceAll('-', '')}${randomBytes(32).toString('base64url')}`;
    return { secret, hash: this.hash(secret) };
  }

  /** The key id a well-formed token names, or undefined for anything else. */
  keyIdOf(token: string): string | undefined {
    const hex = TOKEN.exec(token)?.[1];
    return hex && `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Whether `token` is the secret whose hash is `storedHash`; constant time in the secret. */
  matches(token: string, storedHash: string): boolean {
    const given = Buffer.from(this.hash(token), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }

  /**
   * The secret encrypted for the idempotency record of a create: a repeat of the same request answers the same
   * secret, without the plaintext ever being written to the database.
   */
  seal(secret: string): string {
    const iv = randomBytes(SEAL_IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  unseal(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, SEAL_IV_BYTES));
    decipher.setAuthTag(raw.subarray(SEAL_IV_BYTES, SEAL_IV_BYTES + SEAL_TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(SEAL_IV_BYTES + SEAL_TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  private hash(secret: string): string {
    return createHmac('sha256', this.pepper).update(secret).digest('hex');
  }
}
