#!/usr/bin/env node
// Makes sure the browser that the dashboard's browser tests drive (playwright-core, no bundled browser) is here:
// Debian's `chromium` at CHROMIUM_PATH (default /usr/bin/chromium). Uses it when present, installs the Debian
// package when root with apt-get, else says what is missing and how to get it. Run by `npm test`.
import { existsSync } from 'node:fs';
import { Missing, aptInstall, canApt } from './sys.mjs';

export function ensureChromium({ path = process.env.CHROMIUM_PATH || '/usr/bin/chromium' } = {}) {
  if (existsSync(path)) return `using ${path}`;
  if (!canApt()) {
    throw new Missing(
      `${path} is missing: install Debian's chromium package ("sudo apt-get install chromium"), or point CHROMIUM_PATH ` +
        'at a Chromium or Chrome binary; the dashboard browser tests need it',
    );
  }
  aptInstall(['chromium']);
  if (!existsSync(path)) throw new Missing(`apt-get installed chromium but ${path} is still missing; set CHROMIUM_PATH`);
  return `installed the chromium package: ${path}`;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    console.log(`chromium: ${ensureChromium()}`);
  } catch (err) {
    console.error(`chromium: ${err instanceof Missing ? err.message : (err?.stack ?? String(err))}`);
    process.exit(1);
  }
}
