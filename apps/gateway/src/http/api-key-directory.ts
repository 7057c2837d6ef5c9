import { AccessOperations, problem, type PrincipalDto, type ProblemDetails } from '@platform/contracts';
import { RpcProblemError, type RpcClient } from '@platform/messaging';
import type { Principal } from './authentication';

type Lookup = { principal: Principal } | { failure: ProblemDetails };

interface Entry {
  until: number;
  answer: Promise<Lookup>;
}

/** How long a gateway trusts an answer of the access service: a revoked key is refused after at most this. */
export const DEFAULT_KEY_CACHE_MS = 500;
const MAX_ENTRIES = 10_000;
const meta = { actorId: 'gateway', requestId: 'authenticate', correlationId: 'authenticate' };

const invalid = (): ProblemDetails => problem(401, 'The token is not valid');

/**
 * The gateway's view of API keys: asks the access service who a token is and remembers the answer (valid or not)
 * for `ttlMs`, keyed by the token's SHA-256, never by the token itself. Concurrent requests with one token share
 * one question. When the access service cannot answer, the request gets its 503/504 and nothing is remembered.
 */
export class ApiKeyDirectory {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly rpc: Pick<RpcClient, 'send'>,
    private readonly ttlMs = DEFAULT_KEY_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async principal(token: string, tokenDigest: Buffer): Promise<Lookup> {
    const key = tokenDigest.toString('base64');
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.until <= now) {
      entry = { until: now + this.ttlMs, answer: this.ask(token) };
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      entry.answer.then(
        (answer) => 'failure' in answer && answer.failure.status !== 401 && this.entries.delete(key),
        () => this.entries.delete(key),
      );
    }
    const answer = await entry.answer;
    // An expiry passes between two questions too.
    if ('principal' in answer && answer.principal.expiresAt !== undefined && answer.principal.expiresAt <= now) {
      return { failure: invalid() };
    }
    return answer;
  }

  private async ask(token: string): Promise<Lookup> {
    try {
      const p = await this.rpc.send<PrincipalDto>(AccessOperations.authenticate.pattern, {
        meta,
        body: { body: { token } },
      });
      return {
        principal: {
          actorId: p.keyId,
          role: p.role,
          ...(p.ownerId !== null ? { ownerId: p.ownerId } : {}),
          rateLimitPerMinute: p.rateLimitPerMinute,
          ...(p.expiresAt ? { expiresAt: Date.parse(p.expiresAt) } : {}),
        },
      };
    } catch (err) {
      if (err instanceof RpcProblemError) {
        if (err.status === 401) return { failure: invalid() };
        if (err.status === 503 || err.status === 504)
          return { failure: problem(err.status, `API keys cannot be checked now: ${err.problem.detail ?? ''}`.trim()) };
      }
      return { failure: problem(503, 'API keys cannot be checked now') };
    }
  }
}
