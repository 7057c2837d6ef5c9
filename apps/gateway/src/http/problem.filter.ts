import { ArgumentsHost, Catch, HttpException, Inject, Logger, type ExceptionFilter } from '@nestjs/common';
import { isProblemDetails, problem, ProblemError, type ProblemDetails } from '@platform/contracts';
import { RpcProblemError } from '@platform/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

// Nest hands Fastify's body-parser failures over as plain HttpExceptions; these are the ones it can raise.
const parserDetail = (status: number, bodyLimitBytes: number): string | undefined =>
  ({
    413: `The body is larger than the limit of ${bodyLimitBytes} bytes`,
    415: 'The body must be JSON (Content-Type: application/json)',
  })[status];

// A body under the limit can still grow past NATS max_payload once re-encoded (1e20 is written out in full).
const tooLargeForTheBus = (err: RpcProblemError) =>
  (err.cause as { code?: unknown } | undefined)?.code === 'MAX_PAYLOAD_EXCEEDED';

/** Turns whatever was thrown into an RFC 9457 problem document: the only error shape clients ever see. */
export function toProblem(err: unknown, bodyLimitBytes: number): ProblemDetails {
  if (err instanceof RpcProblemError && tooLargeForTheBus(err)) {
    return problem(413, 'The request is too large to pass on to the service; send a smaller body');
  }
  if (err instanceof ProblemError || err instanceof RpcProblemError) return err.problem;
  if (isProblemDetails(err)) return err; // thrown as a plain object by a Fastify plugin (rate limit)
  if (err instanceof HttpException) {
    const body = err.getResponse();
    if (isProblemDetails(body)) return body;
    const status = err.getStatus();
    const message = typeof body === 'string' ? body : err.message;
    if (status === 400) return problem(400, 'The body is not valid JSON', [{ field: '(body)', message }]);
    return problem(status, parserDetail(status, bodyLimitBytes) ?? message);
  }
  return problem(500, 'An unexpected error occurred');
}

export function sendProblem(reply: FastifyReply, p: ProblemDetails, request?: FastifyRequest): void {
  const body = request ? { ...p, instance: request.url } : p;
  reply.status(p.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(body);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gateway');

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const p = toProblem(err, this.config.bodyLimitBytes);
    if (p.status >= 500 && p.status !== 503 && p.status !== 504) this.logger.error(err);
    sendProblem(http.getResponse<FastifyReply>(), p, http.getRequest<FastifyRequest>());
  }
}
