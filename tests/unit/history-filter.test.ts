import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  candidatePlans,
  dayStart,
  lineMatcher,
  parseFilter,
  searchableText,
  timeRange,
} from '@/lib/history/filter';
import { type HistoryLine, statusOf } from '@/lib/history/words';

const zone = process.env.TZ;
// Days are the member's local days: a zone with a daylight-saving change in the range.
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zone;
});

const PERSON = 'urn:li:person:Xy12Ab34';
const ACCOUNT = '65f1c0ffee0123456789abcd';

function line(overrides: Partial<HistoryLine> = {}): HistoryLine {
  return {
    id: 1,
    // 2026-11-03 09:30 in New York (14:30 UTC).
    at: Date.UTC(2026, 10, 3, 14, 30),
    service: 'linkedin',
    kind: 'post',
    urn: 'urn:li:activity:7391234567890123456',
    value: 'PRAISE',
    react: true,
    actor: PERSON,
    source: 'own',
    outcome: 'applied',
    link: 'https://www.linkedin.com/feed/update/urn:li:activity:7391234567890123456/',
    ...overrides,
  };
}

describe('line status', () => {
  it('tells applied, removed, failed and pending apart', () => {
    expect(statusOf(line())).toBe('applied');
    expect(statusOf(line({ react: false }))).toBe('removed');
    expect(statusOf(line({ outcome: 'failed' }))).toBe('failed');
    expect(statusOf(line({ outcome: 'failed', react: false }))).toBe('failed');
    expect(statusOf(line({ outcome: 'pending' }))).toBe('pending');
  });
});

describe('filters', () => {
  it('combine: every field given must match', () => {
    const match = lineMatcher({ kind: 'post', value: 'PRAISE', status: 'applied', actor: PERSON });
    expect(match(line())).toBe(true);
    expect(match(line({ kind: 'comment' }))).toBe(false);
    expect(match(line({ value: 'LIKE' }))).toBe(false);
    expect(match(line({ react: false }))).toBe(false);
    expect(match(line({ actor: ACCOUNT }))).toBe(false);
    expect(lineMatcher({})(line({ kind: 'message', value: '👍' }))).toBe(true);
  });

  it('take local days, both ends included, across a daylight-saving change', () => {
    // New York leaves daylight saving on 2026-11-01: that day has 25 hours.
    const { from, to } = timeRange({ from: '2026-11-01', to: '2026-11-01' });
    expect(to - from).toBe(25 * 3_600_000);
    expect(from).toBe(Date.UTC(2026, 10, 1, 4, 0));
    const match = lineMatcher({ from: '2026-11-03', to: '2026-11-03' });
    expect(match(line())).toBe(true);
    // 00:30 on Nov 4 in New York, still Nov 3 in UTC: not the 3rd here.
    expect(match(line({ at: Date.UTC(2026, 10, 4, 5, 30) }))).toBe(false);
    // 23:59 on Nov 3 in New York, already Nov 4 in UTC: the 3rd here.
    expect(match(line({ at: Date.UTC(2026, 10, 4, 4, 59) }))).toBe(true);
    expect(match(line({ at: dayStart('2026-11-03') - 1 }))).toBe(false);
    expect(lineMatcher({ from: '2026-11-04' })(line())).toBe(false);
    expect(lineMatcher({ to: '2026-11-02' })(line())).toBe(false);
  });

  it('search the reaction, its name, the kind, the outcome, the day and the snippet', () => {
    const praise = line({ snippet: 'Our Q3 launch went live today' });
    for (const word of [
      'celebrate',
      'PRAISE',
      'post',
      'applied',
      '2026-11-03',
      'nov 3',
      'launch',
    ]) {
      expect(lineMatcher({ search: word })(praise), word).toBe(true);
    }
    expect(lineMatcher({ search: 'celebrate launch' })(praise)).toBe(true);
    expect(lineMatcher({ search: 'celebrate comment' })(praise)).toBe(false);
    expect(lineMatcher({ search: 'launch' })(line())).toBe(false);
    expect(lineMatcher({ search: 'removed' })(line({ react: false }))).toBe(true);
    expect(lineMatcher({ search: '🎉' })(line({ kind: 'message', value: '🎉' }))).toBe(true);
    expect(
      lineMatcher({ search: 'rate' })(line({ outcome: 'failed', error: 'Rate limited' })),
    ).toBe(true);
  });

  it('never search an actor: the history holds URNs, not names', () => {
    expect(searchableText(line())).not.toContain(PERSON.toLowerCase());
  });

  it('read back what was stored, and nothing else', () => {
    expect(parseFilter({ kind: 'post', search: 'launch', from: '2026-11-01' })).toEqual({
      kind: 'post',
      search: 'launch',
      from: '2026-11-01',
    });
    expect(parseFilter({ kind: 'photo' })).toEqual({});
    expect(parseFilter({ from: 'yesterday' })).toEqual({});
    expect(parseFilter('kind=post')).toEqual({});
    expect(parseFilter({ search: '   ', status: 'failed' })).toEqual({ status: 'failed' });
  });
});

describe('read plans', () => {
  it('read the time index with no field to narrow by', () => {
    const [plan] = candidatePlans({ from: '2026-11-01', to: '2026-11-03' });
    expect(plan?.index).toBe('byAt');
    expect(plan?.exact).toBe(true);
    expect(candidatePlans({ search: 'x' })[0]?.exact).toBe(false);
  });

  it('offer one index per field, exact only when one field alone narrows', () => {
    expect(candidatePlans({ kind: 'post' })).toEqual([
      {
        index: 'byKind',
        lower: ['post', -Number.MAX_VALUE],
        upper: ['post', Number.MAX_VALUE],
        exact: true,
      },
    ]);
    const plans = candidatePlans({ value: 'LIKE', actor: PERSON, status: 'failed' });
    expect(plans.map((plan) => plan.index)).toEqual(['byValue', 'byActor', 'byOutcome']);
    expect(plans.every((plan) => !plan.exact)).toBe(true);
    // Applied and removed share the stored outcome: the index narrows, the matcher decides.
    expect(candidatePlans({ status: 'removed' })).toMatchObject([
      { index: 'byOutcome', lower: ['applied', -Number.MAX_VALUE], exact: false },
    ]);
  });
});

describe('day words', () => {
  /** lib/history/filter.ts as loaded in a popup whose locale is `locale`. */
  async function filterIn(locale: string) {
    vi.resetModules();
    vi.doMock('@/lib/locale', () => ({ uiLocale: () => locale }));
    try {
      return await import('@/lib/history/filter');
    } finally {
      vi.doUnmock('@/lib/locale');
    }
  }
  afterEach(() => vi.resetModules());

  it('are the days as the popup writes them, in its locale', async () => {
    const german = await filterIn('de-DE');
    const text = german.searchableText(line());
    expect(text).toContain('2026-11-03');
    expect(text).toContain('dienstag, 3. november 2026');
    expect(text).not.toContain('tuesday');
    expect(german.lineMatcher({ search: 'dienstag' })(line())).toBe(true);
    // A weekday is a day word: the search reads it through the time, never the word keys.
    expect(german.mayBeDayWord('dienstag')).toBe(true);
    expect(german.wordIndexKeys('dienstag applaus')).toEqual(['applaus']);

    const english = await filterIn('en-US');
    expect(english.searchableText(line())).toContain('tuesday, november 3, 2026');
    expect(english.mayBeDayWord('dienstag')).toBe(false);
  });
});
