import { Inject, Injectable } from '@nestjs/common';
import { decide, fold, type Assistant, type AssistantCommand, type AssistantState } from '@platform/assistants-domain';
import type { AssistantDto, RequestMeta } from '@platform/contracts';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type EventStoreTransaction,
  type NewEvent,
} from '@platform/event-store';
import { LIVE_SLUG_CONSTRAINT } from '../projections/assistant-view.migrations';
import { IdempotencyKeyReusedError, PreconditionFailedError, SlugTakenError } from '../assistant.errors';
import { assistantStreamId, toAssistantDto } from '../assistant.mapper';

const MAX_ATTEMPTS = 5;

/**
 * Load → decide → append, in one transaction. The row lock on the read model serialises writers to one
 * assistant, so writes without If-Match queue up instead of being lost; with If-Match a stale version is a 412.
 */
@Injectable()
export class AssistantCommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(
    assistantId: string,
    meta: RequestMeta,
    build: (current: Assistant | null) => AssistantCommand,
  ): Promise<AssistantDto> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction((tx) =>
          this.idempotent(tx, meta, async () => toAssistantDto(await this.once(tx, assistantId, meta, build))),
        );
      } catch (err) {
        const slug = slugConflict(err);
        if (slug) throw new SlugTakenError(slug);
        if (!(err instanceof WrongExpectedRevisionError)) throw err;
        if (meta.expectedVersion !== undefined) throw new PreconditionFailedError(meta.expectedVersion, err.actual);
        if (attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  private async once(
    tx: EventStoreTransaction,
    assistantId: string,
    meta: RequestMeta,
    build: (current: Assistant | null) => AssistantCommand,
  ): Promise<Assistant> {
    const current = await loadForUpdate(tx, assistantId);
    if (meta.expectedVersion !== undefined && current?.version !== meta.expectedVersion) {
      throw new PreconditionFailedError(meta.expectedVersion, current?.version ?? null);
    }
    const state: AssistantState = current ? { kind: 'existing', assistant: current } : { kind: 'none' };
    const events = decide(build(current), state);
    if (events.length === 0 && current) return current;
    const occurredAt = new Date().toISOString();
    const toStore: NewEvent[] = events.map((e) => ({
      type: e.type,
      data: e.data,
      metadata: { correlationId: meta.correlationId, causationId: meta.requestId, actorId: meta.actorId, occurredAt },
    }));
    await tx.append(assistantStreamId(assistantId), toStore, { expectedRevision: current?.version ?? 'no_stream' });
    const next = fold(events, state);
    if (next.kind !== 'existing') throw new Error(`Assistant ${assistantId} vanished while deciding`);
    return next.assistant;
  }

  /**
   * A creating POST with an Idempotency-Key answers a repeat with the first response and creates nothing.
   * The key is claimed first: a concurrent repeat blocks on the claim until the first commits, then reads it.
   */
  private async idempotent(
    tx: EventStoreTransaction,
    meta: RequestMeta,
    work: () => Promise<AssistantDto>,
  ): Promise<AssistantDto> {
    if (!meta.idempotencyKey) return work();
    const key = [meta.actorId, meta.idempotencyKey];
    const claim = await tx.query(
      `INSERT INTO assistants.idempotency_keys (actor_id, key, request_hash, response) VALUES ($1, $2, $3, 'null')
       ON CONFLICT DO NOTHING`,
      [...key, meta.requestHash ?? ''],
    );
    if (claim.rowCount === 0) {
      const { rows } = await tx.query<{ request_hash: string; response: AssistantDto }>(
        'SELECT request_hash, response FROM assistants.idempotency_keys WHERE actor_id = $1 AND key = $2',
        key,
      );
      if (rows[0].request_hash !== (meta.requestHash ?? '')) throw new IdempotencyKeyReusedError(meta.idempotencyKey);
      return rows[0].response;
    }
    const response = await work();
    await tx.query('UPDATE assistants.idempotency_keys SET response = $3 WHERE actor_id = $1 AND key = $2', [
      ...key,
      JSON.stringify(response),
    ]);
    return response;
  }
}

export async function loadForUpdate(tx: EventStoreTransaction, id: string): Promise<Assistant | null> {
  const { rows } = await tx.query<{ doc: Assistant }>(
    'SELECT doc FROM assistants.assistant_view WHERE id = $1 FOR UPDATE',
    [id],
  );
  return rows[0]?.doc ?? null;
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

function slugConflict(err: unknown): string | null {
  if (!isUniqueViolation(err, LIVE_SLUG_CONSTRAINT)) return null;
  const match = /\(slug\)=\(([^)]*)\)/.exec((err as { detail?: string }).detail ?? '');
  return match?.[1] ?? 'unknown';
}
