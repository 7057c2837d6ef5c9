import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// `npm ci` on a clean checkout refuses a lock file that lacks an entry for any optional dependency, including
// native builds for other platforms that this machine's registry does not serve. After `npm install <pkg>`,
// `node tools/dev/lock-platform-packages.mjs` adds them.
describe('package-lock.json', () => {
  it('has an entry for every optional dependency, so npm ci accepts it', () => {
    const lock = JSON.parse(readFileSync(join(__dirname, '..', 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {}).filter(
        (name) => !lock.packages[`node_modules/${name}`] && !lock.packages[`${path}/node_modules/${name}`],
      ),
    );
    expect(missing).toEqual([]);
  });
});
