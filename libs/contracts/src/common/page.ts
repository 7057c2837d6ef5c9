import { z } from 'zod';

/** One page of a list. `nextCursor` is null on the last page, and always for lists that are complete by nature. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type PageSchema<T extends z.ZodType> = z.ZodObject<
  { data: z.ZodArray<T>; nextCursor: z.ZodNullable<z.ZodString> },
  z.core.$strict
>;

// One page schema per item schema: a second `pageSchema(x)` must not register the name `XPage` twice.
const pages = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema of `{ data: item[], nextCursor }`, the one shape every list answers with. Named `<Item>Page` when the
 * item has a name (`.meta({ id })`), so an OpenAPI document gets one component per list type.
 */
export function pageSchema<T extends z.ZodType>(item: T): PageSchema<T> {
  const known = pages.get(item);
  if (known) return known as PageSchema<T>;
  const schema = z.strictObject({
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last' }),
  });
  const id = z.globalRegistry.get(item)?.id;
  const page = id ? schema.meta({ id: `${id}Page` }) : schema;
  pages.set(item, page);
  return page;
}
