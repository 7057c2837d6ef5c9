import { Catch, Logger, type ArgumentsHost, type Provider, type RpcExceptionFilter } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { ProblemDetails } from '@platform/contracts';
import { throwError, type Observable } from 'rxjs';
import { INTERNAL_ERROR_DETAIL, toRpcProblem, type ErrorMapper } from './error-mapping';

/**
 * Global exception filter of a NATS microservice: whatever a handler throws goes back to the caller as a
 * plain ProblemDetails object (Nest sends the filter's error as JSON, so it must not be an Error instance),
 * and RpcClient on the other side rethrows it unchanged. Register once per service with its own mappers:
 * `app.useGlobalFilters(new RpcProblemFilter(assistantProblem))` or `providers: [provideRpcProblemFilter(...)]`.
 */
@Catch()
export class RpcProblemFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcProblemFilter');
  private readonly mappers: readonly ErrorMapper[];

  constructor(...mappers: ErrorMapper[]) {
    this.mappers = mappers;
  }

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const request = host.getType() === 'rpc' ? host.switchToRpc().getData<unknown>() : undefined;
    const p = toRpcProblem(exception, request, this.mappers);
    this.log(exception, p, host);
    return throwError(() => p);
  }

  private log(exception: unknown, p: ProblemDetails, host: ArgumentsHost): void {
    if (p.status < 500) return;
    const subject =
      host.getType() === 'rpc'
        ? (host.switchToRpc().getContext<{ getSubject?: () => string }>()?.getSubject?.() ?? '')
        : '';
    const where = subject ? ` on ${subject}` : '';
    if (p.status === 500 && p.detail === INTERNAL_ERROR_DETAIL) {
      this.logger.error(`Unhandled error${where}: ${describe(exception)}`, (exception as Error)?.stack);
    } else {
      this.logger.warn(`${p.status}${where}: ${p.detail ?? p.title} (${describe(exception)})`);
    }
  }
}

/** A provider registering RpcProblemFilter globally through Nest's DI (`APP_FILTER`). */
export function provideRpcProblemFilter(...mappers: ErrorMapper[]): Provider {
  return { provide: APP_FILTER, useValue: new RpcProblemFilter(...mappers) };
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : JSON.stringify(exception);
}
