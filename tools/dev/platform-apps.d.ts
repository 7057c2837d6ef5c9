import type { ChildProcess } from 'node:child_process';

export interface PlatformApp {
  name: string;
  entry: string;
}
export const REPO_ROOT: string;
export const EDGE_APP: string;
export function registeredServices(root?: string): string[];
export function platformApps(options?: { root?: string; env?: NodeJS.ProcessEnv }): PlatformApp[];
export function spawnApp(
  app: PlatformApp,
  options?: { env?: NodeJS.ProcessEnv; onOutput?: (app: string, chunk: Buffer) => void; detached?: boolean },
): ChildProcess;
export function stopApp(child: ChildProcess, graceMs?: number): Promise<void>;
export function waitForReady(
  baseUrl: string,
  options?: { timeoutMs?: number; failed?: () => string | undefined },
): Promise<void>;
export function freePort(): Promise<number>;
