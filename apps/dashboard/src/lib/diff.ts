// The difference between two versions of a document, field by field (nested fields as dotted paths).

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

const IGNORED = new Set(['version', 'updatedAt', 'usage']);

export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (!prefix && IGNORED.has(key)) continue;
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix) {
    out[prefix] = value;
  }
  return out;
}

export function diff(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return paths
    .filter((path) => JSON.stringify(a[path]) !== JSON.stringify(b[path]))
    .map((path) => ({ path, before: a[path], after: b[path] }));
}

export const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
