/** Self time per function and per script from a CDP `Profiler` CPU profile (`--profile`). */
import { table } from './stats';

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; where: string; selfMs: number }[];
  scripts: { script: string; selfMs: number }[];
  text: string;
}

function scriptName(url: string): string {
  if (!url) return '(native)';
  if (url.startsWith('chrome-extension://'))
    return `extension:${url.replace(/^chrome-extension:\/\/[^/]+\//, '')}`;
  if (url.startsWith('https://www.linkedin.com/')) return 'page (harness)';
  return url;
}

export function summarizeProfile(profile: CpuProfile, top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, { name: string; where: string; selfMs: number }>();
  const scripts = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMs = 0;
  for (let index = 0; index < samples.length; index++) {
    const node = byId.get(samples[index] ?? -1);
    // A sample's time is the gap to the next sample.
    const micros = deltas[index + 1] ?? 0;
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const script = scriptName(url);
    const where = url ? `${script}:${lineNumber + 1}:${columnNumber + 1}` : script;
    const key = `${name} ${where}`;
    const entry = self.get(key) ?? { name, where, selfMs: 0 };
    entry.selfMs += micros / 1000;
    self.set(key, entry);
    if (name !== '(idle)') {
      scripts.set(script, (scripts.get(script) ?? 0) + micros / 1000);
      totalMs += micros / 1000;
    }
  }
  const functions = [...self.values()]
    .filter((entry) => entry.name !== '(idle)')
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  const scriptList = [...scripts.entries()]
    .map(([script, selfMs]) => ({ script, selfMs }))
    .sort((a, b) => b.selfMs - a.selfMs);
  const text = [
    table(
      functions.map((entry) => [
        entry.name.slice(0, 48),
        entry.where.slice(0, 60),
        `${entry.selfMs.toFixed(1)} ms`,
      ]),
      ['function', 'where', 'self'],
    ),
    '',
    table(
      scriptList.map((entry) => [entry.script, `${entry.selfMs.toFixed(1)} ms`]),
      ['script (busy time, idle excluded)', 'self'],
    ),
  ].join('\n');
  return { totalMs, functions, scripts: scriptList, text };
}
