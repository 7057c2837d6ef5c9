import { problem } from '@platform/contracts';
import { TimeoutError, firstValueFrom, NEVER, timeout } from 'rxjs';
import { rpcFailureProblem } from './rpc-failure';

describe('rpcFailureProblem', () => {
  it('turns an answer that never came into 504', async () => {
    const err = await firstValueFrom(NEVER.pipe(timeout({ first: 1 }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(rpcFailureProblem(err, 'assistants.get', 1)).toMatchObject({ status: 504 });
  });

  it("rethrows the service's problem unchanged", () => {
    const p = { ...problem(409, 'slug taken'), errors: [{ field: 'slug', message: 'already in use' }] };
    expect(rpcFailureProblem(p, 'assistants.create', 5000)).toBe(p);
  });

  it('reports no responders and an unreachable bus as 503', () => {
    const empty = new Error('Empty response. There are no subscribers listening to that message ("p.rpc.x")');
    expect(rpcFailureProblem(empty, 'x', 5000)).toMatchObject({
      status: 503,
      detail: 'No service is available for "x"',
    });
    const refused = Object.assign(new Error('CONNECTION_REFUSED'), { code: 'CONNECTION_REFUSED' });
    expect(rpcFailureProblem(refused, 'x', 5000)).toMatchObject({
      status: 503,
      detail: expect.stringMatching(/^NATS unavailable/),
    });
    expect(rpcFailureProblem('Error: Connection lost. Trying to reconnect...', 'x', 5000).status).toBe(503);
  });

  it('maps anything else to 500', () => {
    expect(rpcFailureProblem({ status: 'error', message: 'Internal server error' }, 'x', 5000).status).toBe(500);
  });
});
