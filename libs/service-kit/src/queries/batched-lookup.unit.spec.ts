import { batchedLookup } from './batched-lookup';

describe('batchedLookup', () => {
  it('asks for the keys looked up in one turn of the event loop in one fetch, and answers each with its own', async () => {
    const fetches: string[][] = [];
    const lookup = batchedLookup<string, string>(async (keys) => {
      fetches.push([...keys]);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, `doc ${k}`]));
    });
    // Each lookup from its own callback of one turn, as requests read from the bus in one chunk.
    const answers = await new Promise<Promise<string | null>[]>((resolve) => {
      const made: Promise<string | null>[] = [];
      for (const key of ['a', 'b', 'missing', 'c']) {
        setImmediate(() => {
          made.push(lookup(key));
          if (made.length === 4) resolve(made);
        });
      }
    });
    await expect(Promise.all(answers)).resolves.toEqual(['doc a', 'doc b', null, 'doc c']);
    expect(fetches).toEqual([['a', 'b', 'missing', 'c']]);

    // Nothing is kept: a later lookup fetches again.
    await expect(lookup('a')).resolves.toBe('doc a');
    expect(fetches).toHaveLength(2);
  });

  it('fails every lookup of a batch whose fetch fails, and the next batch fetches anew', async () => {
    let fail = true;
    const lookup = batchedLookup<string, string>(async (keys) => {
      if (fail) throw new Error('database unavailable');
      return new Map(keys.map((k) => [k, k]));
    });
    const results = await Promise.allSettled([lookup('a'), lookup('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('database unavailable'));
    fail = false;
    await expect(lookup('a')).resolves.toBe('a');
  });

  it('splits a turn with more lookups than one query should carry', async () => {
    const sizes: number[] = [];
    const lookup = batchedLookup<number, number>(async (keys) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    });
    const answers = await Promise.all(Array.from({ length: 450 }, (_, i) => lookup(i)));
    expect(answers).toEqual(Array.from({ length: 450 }, (_, i) => i * 2));
    expect(sizes).toEqual([200, 200, 50]);
  });
});
