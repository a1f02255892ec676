/**
 * The chart's numbers: reactions made (applied, not removals) per local day over the last N
 * days, by reaction, the most used ones each a series and the rest together. Pure.
 */
import { type HistoryLine, localDay, reactionName, startOfLocalDay, statusOf } from './words';

export interface DayCounts {
  /** Local midnights, oldest first, one per day. */
  days: number[];
  /** One per reaction shown, most used first; `other` sums the rest. */
  series: { value: string; label: string; counts: number[] }[];
  total: number;
}

/** The first local day the chart covers: `days` days ending today. */
export function chartStart(days: number, now: number): number {
  const start = new Date(startOfLocalDay(now));
  start.setDate(start.getDate() - (days - 1));
  return start.getTime();
}

export function createDayCounter(days: number, now: number, maxSeries = 6) {
  const starts: number[] = [];
  const dayIndex = new Map<string, number>();
  for (let index = 0, at = chartStart(days, now); index < days; index++) {
    starts.push(at);
    dayIndex.set(localDay(at), index);
    const next = new Date(at);
    next.setDate(next.getDate() + 1);
    at = next.getTime();
  }
  const byValue = new Map<string, { label: string; counts: number[]; sum: number }>();
  return {
    add(lines: readonly HistoryLine[]) {
      for (const line of lines) {
        if (statusOf(line) !== 'applied') continue;
        const day = dayIndex.get(localDay(line.at));
        if (day === undefined) continue;
        let entry = byValue.get(line.value);
        if (!entry) {
          entry = { label: reactionName(line), counts: new Array(days).fill(0), sum: 0 };
          byValue.set(line.value, entry);
        }
        entry.counts[day] = (entry.counts[day] ?? 0) + 1;
        entry.sum++;
      }
    },
    result(): DayCounts {
      const ranked = [...byValue].sort((a, b) => b[1].sum - a[1].sum);
      const series = ranked
        .slice(0, maxSeries)
        .map(([value, entry]) => ({ value, label: entry.label, counts: entry.counts }));
      const rest = ranked.slice(maxSeries);
      if (rest.length > 0) {
        const counts = new Array(days).fill(0);
        for (const [, entry] of rest) {
          for (const [index, count] of entry.counts.entries()) counts[index] += count;
        }
        series.push({ value: 'other', label: 'Other', counts });
      }
      const total = ranked.reduce((sum, [, entry]) => sum + entry.sum, 0);
      return { days: starts, series, total };
    },
  };
}
