// What the gateway sends with every request over the bus: who acts, how to correlate, how to be idempotent.

export interface RequestMeta {
  actorId: string;
  correlationId: string;
  requestId: string;
  /** Idempotency-Key of a creating POST, scoped to the actor. */
  idempotencyKey?: string;
  /** Hash of method, path and body, so a reused key with another body is told apart. */
  requestHash?: string;
  /** From If-Match: the version the client last saw. */
  expectedVersion?: number;
}

export interface Envelope<TBody = unknown> {
  meta: RequestMeta;
  body: TBody;
}
