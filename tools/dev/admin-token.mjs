#!/usr/bin/env node
// The admin token for a dev run (API.md): ADMIN_TOKEN when set, else the one stored in .platform/admin-token,
// else a new random one stored there (mode 0600) and announced once.
//
//   node tools/dev/admin-token.mjs     prints the token (creating it if needed), for curl and friends
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './sys.mjs';

export const adminTokenFile = (root = REPO_ROOT) => path.join(root, '.platform', 'admin-token');

/** @returns {{ token: string, source: 'env' | 'file' | 'generated', file: string }} */
export function ensureAdminToken({ env = process.env, root = REPO_ROOT } = {}) {
  const file = adminTokenFile(root);
  if (env.ADMIN_TOKEN) return { token: env.ADMIN_TOKEN, source: 'env', file };
  const stored = readToken(file);
  if (stored) return { token: stored, source: 'file', file };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const token = crypto.randomBytes(32).toString('base64url');
  try {
    // 'wx' so two starters racing on a fresh checkout agree on one token instead of overwriting each other.
    fs.writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
    const winner = readToken(file);
    if (winner) return { token: winner, source: 'file', file };
    fs.writeFileSync(file, `${token}\n`, { mode: 0o600 }); // an empty leftover file: replace it
  }
  return { token, source: 'generated', file };
}

function readToken(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

/** The lines to show once, when a token was just generated. */
export function announceToken({ token, file }, root = REPO_ROOT) {
  return [
    `Admin token generated and stored in ${path.relative(root, file)} (mode 0600):`,
    `  ${token}`,
    `Use it as: Authorization: Bearer ${token}`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = ensureAdminToken();
  if (result.source === 'generated') console.error(announceToken(result));
  console.log(result.token);
}
