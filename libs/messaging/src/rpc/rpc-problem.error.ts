import type { ProblemDetails } from '@platform/contracts';

/** A request over the bus failed; `problem` is what the HTTP client should see. */
export class RpcProblemError extends Error {
  override readonly name = 'RpcProblemError';
  constructor(
    readonly problem: ProblemDetails,
    readonly pattern?: string,
    override readonly cause?: unknown,
  ) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}
