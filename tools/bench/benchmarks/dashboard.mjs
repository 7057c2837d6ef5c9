// The dashboard in Debian's Chromium (playwright-core) against the platform as processes:
//   first load:  JavaScript shipped (bytes and gzip bytes of the built assets), and the time from navigating to
//                `/` (signed in) to the fleet overview's figures being shown, in a fresh browser context each time;
//   live:        the time from a message appended through the API to it being shown in a dashboard that has the
//                conversation open (the live events stream, then the transcript's refresh).
// Both with the platform otherwise idle: the conversations benchmark's load is not running meanwhile.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, durationS, require } from '../lib/env.mjs';
import { startBenchPlatform } from '../lib/platform.mjs';
import { summarize } from '../lib/stats.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_DASHBOARD_LOADS || 20);
const MAX_GZIP_BYTES = 250 * 1024;
const MAX_FIRST_LOAD_MS = 1000;
const MAX_LIVE_P99_MS = 1000;

function shippedJavaScript() {
  const assets = join(REPO_ROOT, 'dist', 'apps', 'dashboard', 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  if (files.length === 0) throw new Error('dist/apps/dashboard has no JavaScript: run "npm run build" first');
  return files.reduce(
    (sum, f) => {
      const bytes = readFileSync(join(assets, f));
      return { bytes: sum.bytes + statSync(join(assets, f)).size, gzip: sum.gzip + gzipSync(bytes).length };
    },
    { bytes: 0, gzip: 0 },
  );
}

export const dashboardBenchmark = {
  name: 'dashboard',
  title: 'Dashboard: first load and live message latency (Chromium, platform as processes)',
  async run({ log }) {
    const { chromium } = require('playwright-core');
    const shipped = shippedJavaScript();
    log(`JavaScript shipped: ${shipped.bytes} bytes, ${shipped.gzip} bytes gzip`);
    const { platform, headers } = await startBenchPlatform('dashboard');
    const api = async (method, path, body) => {
      const res = await fetch(platform.baseUrl + '/api/v1' + path, {
        method,
        headers,
        body: body && JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const assistant = await api('POST', '/assistants', { name: 'Bench Dashboard' });
    await api('PUT', `/assistants/${assistant.id}`, { status: 'active' });
    const conversation = await api('POST', '/conversations', { assistantId: assistant.id, userId: 'bench' });

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
      ],
    });
    try {
      const signedIn = async () => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addInitScript(
          (token) => sessionStorage.setItem('platform.dashboard.token', token),
          platform.token,
        );
        return context;
      };
      const loads = [];
      for (let i = 0; i < LOADS; i++) {
        const context = await signedIn();
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`${platform.baseUrl}/`);
        await page.getByTestId('fleet-assistant-count').waitFor();
        loads.push(performance.now() - started);
        await context.close();
      }

      const context = await signedIn();
      const page = await context.newPage();
      await page.goto(`${platform.baseUrl}/conversations/${conversation.id}`);
      await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
      const messages = page.getByTestId('conversation-message');
      const live = [];
      const until = Date.now() + Math.max(5, durationS()) * 1000;
      for (let i = 0; Date.now() < until && i < 500; i++) {
        const started = performance.now();
        await api('POST', `/conversations/${conversation.id}/messages`, {
          role: i % 2 ? 'assistant' : 'user',
          content: `m${i}`,
        });
        await messages.nth(i).waitFor({ timeout: 10_000 });
        live.push(performance.now() - started);
      }
      await context.close();

      const first = summarize(loads);
      const shown = summarize(live);
      log(`first load: median ${first.median} ms, p99 ${first.p99} ms over ${first.count} loads`);
      log(`live message shown: median ${shown.median} ms, p99 ${shown.p99} ms over ${shown.count} messages`);
      return {
        rows: [
          {
            metric: `first load to the overview's figures (${Math.round(shipped.gzip / 1024)} KiB JS gzip)`,
            median: first.median,
            p99: first.p99,
            throughput: shipped.gzip,
            unit: 'bytes gzip',
            target: `≤ ${MAX_FIRST_LOAD_MS} ms, ≤ 250 KiB gzip`,
            met: first.p99 <= MAX_FIRST_LOAD_MS && shipped.gzip <= MAX_GZIP_BYTES,
          },
          {
            metric: 'message appended → shown in an open dashboard',
            median: shown.median,
            p99: shown.p99,
            throughput: shown.count,
            unit: 'messages',
            target: `p99 ≤ ${MAX_LIVE_P99_MS} ms`,
            met: shown.p99 <= MAX_LIVE_P99_MS,
          },
        ],
        details: { shipped, firstLoad: first, live: shown },
      };
    } finally {
      await browser.close();
    }
  },
};
