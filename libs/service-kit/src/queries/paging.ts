import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InvalidInputError, type Page } from '@platform/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { KitSecrets } from '../secrets/kit-secrets';

/** Replies travel on NATS (max_payload 1 MiB): a page stops at this many bytes of items, whatever its limit. */
export const MAX_PAGE_BYTES = 512 * 1024;

const TAMPERED = new InvalidInputError([{ field: 'cursor', message: 'not a cursor from a previous page' }]);
const utf8 = new TextEncoder();

/**
 * Opaque, signed pagination cursors: base64url JSON plus an HMAC, so a client can neither read meaning into one
 * nor forge or alter one (400). The key is CURSOR_SECRET, or one generated once per service schema, which every
 * replica of the service reads.
 */
@Injectable()
export class Paging implements OnModuleInit {
  private key: Buffer = Buffer.alloc(0);

  constructor(@Inject(KitSecrets) private readonly secrets: KitSecrets) {}

  async onModuleInit(): Promise<void> {
    if (process.env.CURSOR_SECRET) {
      this.key = Buffer.from(process.env.CURSOR_SECRET);
      return;
    }
    this.key = await this.secrets.get('cursor');
  }

  encode(value: unknown): string {
    const body = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The position a cursor from a previous page stands for; anything else (forged, altered, malformed) is a 400. */
  decode<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | undefined {
    if (cursor === undefined) return undefined;
    const [body, mac, extra] = cursor.split('.');
    if (!body || !mac || extra !== undefined) throw TAMPERED;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw TAMPERED;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw TAMPERED;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw TAMPERED;
    return parsed.data;
  }

  /**
   * A page from up to `limit + 1` rows in order: at most `limit` items and at most MAX_PAGE_BYTES of them (at
   * least one), with the cursor after the last item shown when more rows follow.
   */
  page<R, T>(rows: readonly R[], limit: number, map: (row: R) => T, cursorOf: (row: R) => unknown): Page<T> {
    const data: T[] = [];
    let bytes = 0;
    for (const row of rows.slice(0, limit)) {
      const item = map(row);
      bytes += utf8.encode(JSON.stringify(item)).length;
      if (data.length > 0 && bytes > MAX_PAGE_BYTES) break;
      data.push(item);
    }
    const more = rows.length > data.length;
    return { data, nextCursor: more ? this.encode(cursorOf(rows[data.length - 1])) : null };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}

/** The cursor shapes the platform's lists use, validated in full when a cursor comes back. */
export const CursorSchemas = {
  /** Newest first: creation time and id of the last item shown. */
  newest: z.strictObject({ c: z.iso.datetime({ offset: true }), i: z.uuid() }),
  /** Ranked: score and id of the last item shown. */
  ranked: z.strictObject({ r: z.number().finite(), i: z.uuid() }),
  /**
   * The id of the last item shown, for lists ordered by a key of unbounded length (a name): the query reads that
   * item's key again, so the cursor stays short whatever the key.
   */
  lastId: z.strictObject({ i: z.uuid() }),
  /** A contiguous sequence (revisions, versions): the last one shown. */
  sequence: z.strictObject({ v: z.number().int().min(0).max(2_147_483_646) }),
  /** Most used: the counters and id of the last item shown. */
  popular: z.strictObject({
    c: z.number().int().min(0),
    m: z.number().int().min(0),
    t: z.number().int().min(0),
    i: z.uuid(),
  }),
};
