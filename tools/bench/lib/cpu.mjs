// Where the CPU went during a measured phase, from /proc (Linux only; elsewhere the sampler reports nothing).
// Per-process figures are % of one core (on a 2-core machine the whole machine is 200 %); machineBusy and
// machineStolen are % of all cores.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const available = existsSync('/proc/stat');
const ticksPerSecond = (() => {
  if (!available) return 100;
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(out.stdout?.trim()) || 100;
})();

function readProcesses() {
  const result = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // starttime (field 22) tells a reused pid from the process seen before
      result.set(Number(entry), { comm, start: fields[19], ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return result;
}

function readMachine() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + (cpu[4] ?? 0); // idle + iowait
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0); // guest time is already inside user
  return { idle, total, steal: cpu[7] ?? 0 }; // steal: time the hypervisor gave this VM's CPUs to others
}

/**
 * Starts sampling. `roles` maps a name to a pid (e.g. { bench: process.pid, gateway: child.pid }); PostgreSQL
 * backends and nats-server are grouped by process name; everything else on the machine is "other".
 * stop() returns { [group]: % of one core, machineBusy: % of all cores, cores }.
 */
export function startCpuSampler(roles = {}) {
  if (!available) return { stop: () => null };
  const started = performance.now();
  const before = readProcesses();
  const machineBefore = readMachine();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const after = readProcesses();
      const machineAfter = readMachine();
      const byPid = new Map(Object.entries(roles).map(([role, pid]) => [pid, role]));
      const groups = {};
      const others = {};
      for (const [pid, { comm, start, ticks }] of after) {
        const seen = before.get(pid);
        const used = ticks - (seen?.start === start ? seen.ticks : 0);
        if (used <= 0) continue;
        const group = byPid.get(pid) ?? (comm === 'postgres' ? 'postgres' : comm === 'nats-server' ? 'nats' : 'other');
        groups[group] = (groups[group] ?? 0) + used;
        if (group === 'other') others[comm] = (others[comm] ?? 0) + used;
      }
      const pct = (ticks) => Math.round((100 * ticks) / ticksPerSecond / seconds);
      const shares = (counts) =>
        Object.fromEntries(
          Object.entries(counts)
            .map(([name, ticks]) => [name, pct(ticks)])
            .filter(([, share]) => share > 0)
            .sort((a, b) => b[1] - a[1]),
        );
      const total = machineAfter.total - machineBefore.total;
      const stolen = machineAfter.steal - machineBefore.steal;
      const busy = total - (machineAfter.idle - machineBefore.idle) - stolen;
      const cores = os.cpus().length;
      const machineBusy = total > 0 ? Math.round((100 * busy) / total) : null;
      const attributed = Object.values(groups).reduce((a, b) => a + b, 0);
      // Busy time no live process accounts for: processes that ended meanwhile, interrupt handling.
      const unattributed = machineBusy === null ? 0 : Math.max(0, Math.round(machineBusy * cores - pct(attributed)));
      return {
        ...shares(groups),
        ...(unattributed > 0 ? { unattributed } : {}),
        machineBusy,
        machineStolen: total > 0 ? Math.round((100 * stolen) / total) : null,
        cores,
        otherByName: Object.fromEntries(Object.entries(shares(others)).slice(0, 5)),
      };
    },
  };
}

/** "bench 95%, postgres 60%, other 20% (node 15%) (machine 97% busy, 2% stolen by the hypervisor, 2 cores)" */
export function describeCpu(cpu) {
  if (!cpu) return 'n/a';
  const { machineBusy, machineStolen, cores, otherByName, ...groups } = cpu;
  const top = Object.entries(otherByName ?? {}).slice(0, 2);
  const parts = Object.entries(groups).map(([group, pct]) =>
    group === 'other' && top.length > 0
      ? `other ${pct}% (${top.map(([n, p]) => `${n} ${p}%`).join(', ')})`
      : `${group} ${pct}%`,
  );
  const steal = machineStolen ? `, ${machineStolen}% stolen by the hypervisor` : '';
  return `${parts.join(', ')} (machine ${machineBusy}% busy${steal}, ${cores} cores)`;
}

function procTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { start: Number(fields[19]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // ended
  }
}

/**
 * CPU time of the PostgreSQL backends serving one database, apart from the rest of the server (other databases,
 * other people's work on a shared machine). Polls pg_stat_activity every `intervalMs` through `admin` (a pg
 * client or pool on another database) and reads each backend's CPU ticks from /proc; a backend that ends keeps
 * what it had used at its last reading, so up to one interval of its CPU can go uncounted.
 * stop() returns { ms: CPU milliseconds used during the phase, backends: how many were seen }.
 */
export function startBackendCpuSampler(admin, database, intervalMs = 100) {
  if (!available) return { stop: async () => null };
  const bootTicks = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * ticksPerSecond;
  const startedAt = bootTicks();
  const seen = new Map(); // pid → { start, first, last }
  const read = async () => {
    const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    const pids = new Set([...rows.map((r) => r.pid), ...seen.keys()]);
    for (const pid of pids) {
      const t = procTicks(pid);
      const known = seen.get(pid);
      if (!t || (known && known.start !== t.start)) continue; // ended (or the pid was reused)
      if (known) known.last = t.ticks;
      // A backend started during the phase counts from zero; one running before, from its first reading.
      else seen.set(pid, { start: t.start, first: t.start >= startedAt ? 0 : t.ticks, last: t.ticks });
    }
  };
  let polling = read();
  const timer = setInterval(() => {
    polling = polling.then(read, read);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await polling.catch(() => undefined);
      await read().catch(() => undefined);
      let ticks = 0;
      for (const { first, last } of seen.values()) ticks += last - first;
      return { ms: Math.round((1000 * ticks) / ticksPerSecond), backends: seen.size };
    },
  };
}
