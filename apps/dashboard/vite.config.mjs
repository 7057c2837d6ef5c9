import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const app = dirname(fileURLToPath(import.meta.url));

// Everything is bundled (no CDN): the gateway serves dist/apps/dashboard from its own origin. `npx vite
// apps/dashboard` serves it with the API proxied to a gateway on :3000 while working on it.
export default defineConfig({
  root: app,
  base: '/',
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: resolve(app, '..', '..', 'dist', 'apps', 'dashboard'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
