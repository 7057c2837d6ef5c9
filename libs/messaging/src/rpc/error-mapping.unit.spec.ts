import { BadRequestException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { problem, ProblemError } from '@platform/contracts';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@platform/event-store';
import { mapErrors, toRpcProblem } from './error-mapping';

class SlugTaken extends Error {}
class NotFound extends Error {
  constructor(readonly id: string) {
    super(`Assistant ${id} not found`);
  }
}

describe('toRpcProblem', () => {
  const serviceMapper = mapErrors([
    [SlugTaken, 409],
    [NotFound, 404],
  ]);

  it("maps a service's named errors through its registered table, message as detail", () => {
    expect(toRpcProblem(new NotFound('a1'), {}, [serviceMapper])).toEqual(problem(404, 'Assistant a1 not found'));
    expect(toRpcProblem(new SlugTaken('taken'), {}, [serviceMapper]).status).toBe(409);
  });

  it('lets a service mapper decide from the request, before the platform mappings', () => {
    const ifMatch = (err: unknown, req: unknown) =>
      err instanceof WrongExpectedRevisionError && (req as { ifMatch?: number }).ifMatch !== undefined
        ? problem(412, 'version changed')
        : undefined;
    const conflict = new WrongExpectedRevisionError('assistant-1', 3, 4);
    expect(toRpcProblem(conflict, { ifMatch: 3 }, [ifMatch]).status).toBe(412);
    expect(toRpcProblem(conflict, {}, [ifMatch])).toMatchObject({
      status: 409,
      expectedRevision: 3,
      actualRevision: 4,
    });
  });

  it('passes a ProblemDetails on unchanged, whether in an RpcException, a ProblemError or thrown as is', () => {
    const p = problem(422, 'missing template variables', [{ field: 'variables.name', message: 'required' }]);
    expect(toRpcProblem(new RpcException(p), {}, [])).toEqual(p);
    expect(toRpcProblem(new ProblemError(p), {}, [])).toEqual(p);
    expect(toRpcProblem(p, {}, [])).toEqual(p);
  });

  it('reports PostgreSQL outages as 503, also when wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toRpcProblem(new EventStoreUnavailableError(refused), {}, [])).toEqual(
      problem(503, 'PostgreSQL unavailable'),
    );
    expect(toRpcProblem(refused, {}, []).status).toBe(503);
    expect(toRpcProblem(Object.assign(new Error('terminating connection'), { code: '57P01' }), {}, []).status).toBe(
      503,
    );
    expect(toRpcProblem(Object.assign(new Error('x'), { code: '08006' }), {}, []).status).toBe(503);
    expect(toRpcProblem(new Error('outer', { cause: refused }), {}, []).status).toBe(503);
  });

  it('keeps the status of Nest HTTP exceptions thrown in a handler', () => {
    expect(toRpcProblem(new BadRequestException(['name must be a string']), {}, [])).toEqual(
      problem(400, 'name must be a string'),
    );
  });

  it('hides unknown errors behind a generic 500', () => {
    expect(toRpcProblem(new TypeError('x is undefined'), {}, [serviceMapper])).toEqual(
      problem(500, 'An unexpected error occurred'),
    );
  });
});
