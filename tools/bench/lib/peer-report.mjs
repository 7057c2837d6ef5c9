// Figures of the peer comparison: medians over the rounds, ours / peer ratios, targets, and a text table.
import { round, summarize } from './stats.mjs';

const median = (values) => summarize(values.filter((v) => v !== null && v !== undefined)).median;
const fmt = (n) => (n === null || n === undefined ? '–' : n.toLocaleString('en'));

function side(workload, runs) {
  const figures = runs.map((r) => workload.figure(r));
  return {
    figure: median(figures),
    perRound: figures,
    p50: median(runs.map((r) => workload.latency(r).median)),
    p99: median(runs.map((r) => workload.latency(r).p99)),
    ...(workload.exact ? { exactRounds: runs.filter((r) => r.exact).length, feed: runs.map(feedCheck) } : {}),
  };
}

const feedCheck = (r) => ({
  read: r.read,
  stored: r.stored,
  lost: r.lost,
  repeated: r.repeated,
  outOfOrder: r.outOfOrder,
});

/** "exact" or "lost 12, repeated 3 (of 50,000; rounds: …)" over the rounds of a feed workload. */
export function describeExactness(s) {
  if (s.exactRounds === s.feed.length) return `exact in ${s.feed.length}/${s.feed.length} rounds`;
  const perRound = s.feed.map((f) => `lost ${f.lost}/repeated ${f.repeated}/out of order ${f.outOfOrder}`);
  return `not exact (of ${fmt(s.feed[0].stored)}: ${perRound.join('; ')})`;
}

/** One workload's comparison: the table row for run.mjs, the figures for latest.json. */
export function compareRuns(workload, { ours: oursRuns, peer: peerRuns }) {
  const ours = side(workload, oursRuns);
  const peer = side(workload, peerRuns);
  const ratio = peer.figure > 0 ? round(ours.figure / peer.figure, 2) : null;
  const roundRatios = ours.perRound.map((o, i) =>
    peerRuns[i] && peer.perRound[i] > 0 ? round(o / peer.perRound[i], 2) : null,
  );
  const checks = [
    ratio !== null && ratio >= workload.minRatio,
    workload.minRate === undefined || ours.figure >= workload.minRate,
    !workload.exact || ours.exactRounds === oursRuns.length,
  ];
  const target = [
    `≥ ${workload.minRatio}× peer`,
    ...(workload.minRate ? [`≥ ${fmt(workload.minRate)} ${workload.unit}`] : []),
    ...(workload.exact ? ['every event once, in order'] : []),
  ].join(', ');
  const peerNote = workload.exact ? `; peer ${peer.exactRounds === peerRuns.length ? 'exact' : 'NOT exact'}` : '';
  return {
    key: workload.key,
    label: workload.label,
    unit: workload.unit,
    ours,
    peer,
    ratio,
    roundRatios,
    target,
    met: checks.every(Boolean),
    row: {
      metric: `${workload.key}: ${workload.label} — ${ratio ?? '?'}× peer (${fmt(peer.figure)} ${workload.unit})${peerNote}`,
      median: ours.p50,
      p99: ours.p99,
      throughput: ours.figure,
      unit: workload.unit,
      target,
      met: checks.every(Boolean),
    },
    details: {
      ratio,
      roundRatios,
      target,
      met: checks.every(Boolean),
      ours: { ...ours, results: oursRuns },
      peer: { ...peer, results: peerRuns },
    },
  };
}

/** The comparison as a text table (medians over the rounds). */
export function formatComparison(comparisons, peerName) {
  const header = [
    'workload',
    'ours',
    peerName,
    'ratio (per round)',
    'ours p50/p99 ms',
    `${peerName} p50/p99 ms`,
    'target',
    'met',
  ];
  const lines = comparisons.map((c) => [
    c.key,
    `${fmt(c.ours.figure)} ${c.unit}`,
    `${fmt(c.peer.figure)} ${c.unit}`,
    `${c.ratio ?? '?'}× (${c.roundRatios.join(', ')})`,
    `${c.ours.p50} / ${c.ours.p99}`,
    `${c.peer.p50} / ${c.peer.p99}`,
    c.target,
    c.met ? 'met' : 'NOT met',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const render = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ');
  const feed = comparisons.filter((c) => c.ours.feed);
  return [
    render(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...lines.map(render),
    ...feed.flatMap((c) => [
      `${c.key}, ours: ${describeExactness(c.ours)}`,
      `${c.key}, ${peerName}: ${describeExactness(c.peer)}`,
    ]),
  ].join('\n');
}
