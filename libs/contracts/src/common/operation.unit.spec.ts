import { z } from 'zod';
import { defineOperation, idParams, parseOperationInput } from './operation';

const op = defineOperation({
  pattern: 'things.update',
  params: idParams('id'),
  query: z.strictObject({ tag: z.string().optional() }),
  body: z.strictObject({ name: z.string(), tags: z.array(z.string()).default([]) }),
});
const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

const fieldsOf = (raw: Parameters<typeof parseOperationInput>[1]) => {
  try {
    parseOperationInput(op, raw);
    return [];
  } catch (err) {
    return ((err as { problem: { errors: { field: string }[] } }).problem.errors ?? []).map((e) => e.field);
  }
};

describe('parseOperationInput', () => {
  it('parses params, query and body with their schemas', () => {
    expect(parseOperationInput(op, { params: { id }, query: {}, body: { name: 'a' } })).toEqual({
      params: { id },
      query: {},
      body: { name: 'a', tags: [] },
    });
  });

  it('names every offending field of every part at once', () => {
    expect(fieldsOf({ params: { id: 'x' }, query: { tag: 3 }, body: { name: 1, extra: true } })).toEqual([
      'id',
      'tag',
      'name',
      'extra',
    ]);
  });

  it('refuses NUL characters and unpaired surrogates anywhere, naming the field', () => {
    expect(fieldsOf({ params: { id }, body: { name: 'a\u0000b' } })).toEqual(['name']);
    expect(fieldsOf({ params: { id }, body: { name: 'a', tags: ['ok', '\uD800x'] } })).toEqual(['tags.1']);
    expect(fieldsOf({ params: { id }, query: { tag: '\uDC00' }, body: { name: 'a' } })).toEqual(['tag']);
    expect(fieldsOf({ params: { id }, body: { name: 'emoji 😀 is fine' } })).toEqual([]);
  });

  it('refuses input nested deeper than any schema needs', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(fieldsOf({ params: { id }, body: { name: 'a', tags: deep as string[] } })[0]).toMatch(/^tags(\.0)+$/);
  });
});
