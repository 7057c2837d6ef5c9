import type { Trend } from '../api/client';
import { onLive, type DomainEvent } from './live.svelte';

// Helpers shared by the views that show the analytics service's figures (projections of the event stream, so
// eventually consistent: GET /analytics/lag tells how far behind they are).

/** Events that move analytics figures: those of assistants, conversations and deployments, and alerts. */
export const movesAnalytics = (e: DomainEvent): boolean =>
  /^(assistant|conversation|deployment|alert)-/.test(e.streamId);

/**
 * Refreshes on live events that match (debounced, so a burst makes one refresh), after a reconnect, and every
 * `everyMs` (alerts open on the analytics service's own schedule). `refresh` answers whether the projections were
 * still behind; if so it is called again shortly, so figures settle once analytics has caught up.
 */
export function analyticsRefresh(
  match: (e: DomainEvent) => boolean,
  refresh: () => Promise<boolean>,
  { debounceMs = 400, behindMs = 1000, everyMs = 15_000 } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  async function run() {
    if (stopped) return;
    const behind = await refresh().catch(() => false);
    if (!stopped) schedule(behind ? behindMs : everyMs);
  }
  const off = onLive((e) => {
    if (e === 'reconnected' || match(e)) schedule(debounceMs);
  });
  schedule(everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
    off();
  };
}

export const fmtScore = (score: number | null | undefined) =>
  score === null || score === undefined ? '—' : score.toFixed(1);
export const fmtMs = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '—' : `${Math.round(ms)} ms`;
export const fmtPercent = (ratio: number | null | undefined, digits = 1) =>
  ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)} %`;

/** An arrow for the direction and the change in percent against the period before. */
export function trendText(t: Trend | undefined): { arrow: string; label: string; text: string } {
  if (!t) return { arrow: '', label: '', text: '—' };
  const arrow = t.direction === 'up' ? '▲' : t.direction === 'down' ? '▼' : '▬';
  const pct =
    t.changePercent === null
      ? 'nothing before to compare'
      : `${t.changePercent > 0 ? '+' : ''}${t.changePercent.toFixed(1)} %`;
  return { arrow, label: `${t.direction}, ${pct}`, text: pct };
}

export const startOfUtcDayIso = (now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
