import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PLATFORM_SERVICES } from '@platform/contracts';

// A service's SQL names its tables unqualified (each service's connections resolve names in its own schema), so
// the schema a service owns comes from the registry alone and a second instance can live in another schema.
const ROOT = join(__dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });

describe('SQL in services and libraries', () => {
  it('never spells a service schema in front of a table name', () => {
    const schemas = PLATFORM_SERVICES.map((s) => s.schema).join('|');
    const qualified = new RegExp(
      `\\b(FROM|INTO|UPDATE|JOIN|TABLE(?: IF NOT EXISTS)?|TRUNCATE)\\s+"?(${schemas})"?\\.`,
      'i',
    );
    const offenders = ['apps', 'libs']
      .flatMap((top) => sources(join(ROOT, top)))
      .filter((file) => qualified.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
