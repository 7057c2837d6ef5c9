#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages (native builds for other systems)
// that npm leaves out when the registry it uses serves only this platform's builds. `npm ci` insists that every
// optional dependency has a lock entry; an entry marked with its os/cpu is skipped on other platforms, exactly
// as npm records it when it can see the package. Run after `npm install <pkg>`: node tools/dev/lock-platform-packages.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = [['arm64'], ['x64'], ['ia32'], ['ppc64'], ['s390x'], ['riscv64'], ['loong64'], ['wasm32'], ['arm', /-arm(-|$)/]];

/** os, cpu and libc of a platform package, read from its name (e.g. @swc/core-linux-arm-gnueabihf). */
function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find((o) => base.includes(`-${o}`));
  const cpu = CPU.find(([c, re]) => (re ? re.test(base) : base.includes(`-${c}`)))?.[0];
  if (!os || !cpu) return undefined;
  const libc = /-musl/.test(base) ? 'musl' : /-gnu/.test(base) && os === 'linux' ? 'glibc' : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `node_modules/${name}`;
    if (lock.packages[where] || lock.packages[`${path}/${where}`]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    lock.packages[where] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} platform package entr${added === 1 ? 'y' : 'ies'} added`);
