import { describe, expect, it } from 'vitest';
import { chartStart, createDayCounter } from '@/lib/history/chart';
import type { HistoryLine } from '@/lib/history/words';

const NOW = new Date(2026, 10, 29, 15, 0).getTime();
const DAY = 86_400_000;

function line(at: number, value: string, overrides: Partial<HistoryLine> = {}): HistoryLine {
  return {
    at,
    service: 'linkedin',
    kind: 'post',
    urn: 'urn:li:activity:1',
    value,
    react: true,
    actor: 'urn:li:person:a',
    source: 'own',
    outcome: 'applied',
    link: 'https://www.linkedin.com/feed/',
    ...overrides,
  };
}

describe('chart counts', () => {
  it('count applied reactions per local day, by type, most used first, the rest as other', () => {
    const counter = createDayCounter(30, NOW, 2);
    counter.add([
      line(NOW, 'LIKE'),
      line(NOW - 1000, 'LIKE'),
      line(NOW - DAY, 'PRAISE'),
      line(NOW - 2 * DAY, 'EMPATHY'),
      line(NOW, 'LIKE', { react: false }), // a removal: not a reaction made
      line(NOW, 'LIKE', { outcome: 'failed' }),
      line(chartStart(30, NOW) - 1, 'LIKE'), // the day before the range
    ]);
    const counts = counter.result();
    expect(counts.days).toHaveLength(30);
    expect(counts.days[0]).toBe(chartStart(30, NOW));
    expect(counts.total).toBe(4);
    expect(counts.series.map((series) => series.label)).toEqual(['Like', 'Celebrate', 'Other']);
    expect(counts.series[0]?.counts[29]).toBe(2);
    expect(counts.series[1]?.counts[28]).toBe(1);
    expect(counts.series[2]?.counts[27]).toBe(1);
  });
});
