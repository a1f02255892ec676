/**
 * How busy the machine was because of OTHER processes during the run (Linux /proc): total busy
 * CPU time minus the time of this process and everything it started (browsers, renderers).
 * Wall-clock figures are only as good as this number is small.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Linux reports these in clock ticks of 1/100 s. */
const TICKS_PER_SECOND = 100;

interface Sample {
  at: number;
  busyTicks: number;
  ownTicks: number;
}

function machineBusyTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return [user, nice, system, irq, softirq, steal].reduce<number>(
    (sum, value) => sum + (value ?? 0),
    0,
  );
}

/** utime + stime + cutime + cstime of every live process under (and including) `root`. */
function treeTicks(root: number): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces: fields start after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      parents.set(pid, Number(fields[1]));
      ticks.set(
        pid,
        [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0),
      );
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  for (const [pid, own] of ticks) {
    for (
      let current: number | undefined = pid;
      current && current > 1;
      current = parents.get(current)
    ) {
      if (current === root) {
        total += own;
        break;
      }
    }
  }
  return total;
}

export function sampleMachine(): Sample | null {
  try {
    return { at: Date.now(), busyTicks: machineBusyTicks(), ownTicks: treeTicks(process.pid) };
  } catch {
    return null; // Not Linux.
  }
}

/** Share (0..1) of the machine's CPU capacity that other processes used between the samples. */
export function othersShare(start: Sample | null, end: Sample | null): number {
  if (!start || !end) return Number.NaN;
  const capacity = ((end.at - start.at) / 1000) * TICKS_PER_SECOND * os.cpus().length;
  const others = end.busyTicks - start.busyTicks - (end.ownTicks - start.ownTicks);
  return capacity > 0 ? Math.max(0, others / capacity) : Number.NaN;
}
