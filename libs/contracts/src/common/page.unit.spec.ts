import { z } from 'zod';
import { pageSchema } from './page';

describe('pageSchema', () => {
  const item = z.strictObject({ n: z.number() }).meta({ id: 'PageTestItem' });

  it('is `{ data, nextCursor }`, strict, named after its item, and one schema per item', () => {
    const page = pageSchema(item);
    expect(pageSchema(item)).toBe(page);
    expect(z.globalRegistry.get(page)?.id).toBe('PageTestItemPage');
    expect(page.safeParse({ data: [{ n: 1 }], nextCursor: null }).success).toBe(true);
    expect(page.safeParse({ data: [{ n: 1 }], nextCursor: 'abc' }).success).toBe(true);
    expect(page.safeParse({ data: [] }).success).toBe(false);
    expect(page.safeParse({ data: [], nextCursor: null, total: 0 }).success).toBe(false);
    expect(page.safeParse({ data: [{ n: 1, extra: true }], nextCursor: null }).success).toBe(false);
  });

  it('stays unnamed for an unnamed item', () => {
    expect(z.globalRegistry.get(pageSchema(z.string()))?.id).toBeUndefined();
  });
});
