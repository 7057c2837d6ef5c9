import { PublishCoalescer } from './publish-coalescer';

describe('PublishCoalescer', () => {
  it('makes the sends deferred in one turn together, after that turn, in the order they came', async () => {
    const made: string[] = [];
    const outbox = new PublishCoalescer(() => undefined);
    await new Promise<void>((resolve) => {
      for (const name of ['a', 'b', 'c']) setImmediate(() => outbox.defer(() => made.push(name)));
      setImmediate(() => {
        expect(made).toEqual([]); // nothing sent during the turn they were deferred in
        resolve();
      });
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toEqual(['a', 'b', 'c']);
  });

  it('hands what a send throws to onError and still makes the sends after it', async () => {
    const errors: unknown[] = [];
    const made: string[] = [];
    const outbox = new PublishCoalescer((err) => errors.push(err));
    outbox.defer(() => made.push('first'));
    outbox.defer(() => {
      throw new Error('connection closed');
    });
    outbox.defer(() => made.push('third'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toEqual(['first', 'third']);
    expect(errors).toEqual([new Error('connection closed')]);
  });
});
