import { isProblemDetails, problem, type ProblemDetails } from '@platform/contracts';
import { TimeoutError } from 'rxjs';

// NatsError codes meaning the bus itself is unreachable (as opposed to a service failing).
const NATS_DOWN_CODES = new Set([
  'CONNECTION_REFUSED',
  'CONNECTION_CLOSED',
  'CONNECTION_DRAINING',
  'CONNECTION_TIMEOUT',
  'DISCONNECT',
  'ECONNREFUSED',
  'ECONNRESET',
]);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

function messageOf(err: unknown): string {
  if (typeof err === 'string') return err;
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

/** The problem a caller sees when `pattern` did not get a regular answer. */
export function rpcFailureProblem(err: unknown, pattern: string, timeoutMs: number): ProblemDetails {
  if (err instanceof TimeoutError || codeOf(err) === 'TIMEOUT') {
    return problem(504, `The service handling "${pattern}" did not answer within ${timeoutMs} ms`);
  }
  // The service answered with a problem (sent by RpcProblemFilter): pass it on unchanged.
  if (isProblemDetails(err)) return err;
  const carried = (err as { problem?: unknown } | null)?.problem;
  if (isProblemDetails(carried)) return carried;

  const message = messageOf(err);
  const code = codeOf(err);
  if (code === 'MAX_PAYLOAD_EXCEEDED') {
    return problem(413, 'The request is larger than the message bus carries; send less', [
      { field: '(body)', message: 'too large' },
    ]);
  }
  // Nest reports NATS "no responders" (status 503 on the reply) as an EmptyResponseException.
  if (code === '503' || message.startsWith('Empty response. There are no subscribers')) {
    return problem(503, `No service is available for "${pattern}"`);
  }
  if (message.includes('There is no matching message handler')) {
    return problem(503, `No service handles "${pattern}"`);
  }
  if ((code && NATS_DOWN_CODES.has(code)) || /Connection lost|CONNECTION_REFUSED|connection closed/i.test(message)) {
    return problem(503, 'NATS unavailable: the message bus cannot be reached');
  }
  return problem(500, `The request "${pattern}" failed`);
}
