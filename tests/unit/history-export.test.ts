import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM, CSV_COLUMNS, exportFileName, localIso, toCsv, toJson } from '@/lib/history/export';
import type { HistoryLine } from '@/lib/history/words';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Kolkata'; // +05:30: a zone whose offset is not whole hours
});
afterAll(() => {
  process.env.TZ = zone;
});

const AT = Date.UTC(2026, 10, 3, 20, 15, 7, 250);

function line(overrides: Partial<HistoryLine> = {}): HistoryLine {
  return {
    id: 1,
    at: AT,
    service: 'connectsafely',
    kind: 'message',
    urn: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAB,2-abc=)',
    parentUrn: 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-def=)',
    value: '👍🏽',
    react: true,
    actor: '65f1c0ffee0123456789abcd',
    source: 'own',
    outcome: 'applied',
    link: 'https://www.linkedin.com/messaging/thread/2-def%3D/',
    ...overrides,
  };
}

describe('CSV', () => {
  it('starts with a BOM and the columns, and reads back the same with a CSV parser', () => {
    const tricky = line({
      outcome: 'failed',
      error: 'ConnectSafely said "no", then: retry, later\nsecond line',
      snippet: '=HYPERLINK("http://x") and, commas',
    });
    const csv = toCsv([line(), tricky]);
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, first, second] = parsed.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    const row = (values?: string[]) =>
      Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, values?.[index]]));
    expect(row(first)).toMatchObject({ reaction: '👍🏽', outcome: 'applied', action: 'react' });
    expect(row(second)).toMatchObject({
      outcome: 'failed',
      reason: 'ConnectSafely said "no", then: retry, later\nsecond line',
      // A formula is never run by the spreadsheet.
      snippet: `'=HYPERLINK("http://x") and, commas`,
    });
    // Quotes are doubled inside a quoted field.
    expect(csv).toContain('"ConnectSafely said ""no"", then: retry, later\nsecond line"');
  });

  it('gives each time in UTC and in local time with its offset', () => {
    expect(localIso(AT)).toBe('2026-11-04T01:45:07.250+05:30');
    const [, values] = Papa.parse<string[]>(toCsv([line()]).slice(1)).data;
    expect(values?.[0]).toBe('2026-11-03T20:15:07.250Z');
    expect(values?.[1]).toBe('2026-11-04T01:45:07.250+05:30');
  });

  it('names LinkedIn reactions', () => {
    const [, values] = Papa.parse<string[]>(
      toCsv([line({ kind: 'post', value: 'PRAISE', react: false })]).slice(1),
    ).data;
    expect(values?.slice(2, 7)).toEqual(['post', 'PRAISE', 'Celebrate', 'remove', 'removed']);
  });
});

describe('JSON', () => {
  it('holds the filter, the count and every line, emoji intact', () => {
    const json = JSON.parse(
      toJson([line(), line({ value: '🎉' })], { kind: 'message', search: '' }, AT),
    );
    expect(json).toMatchObject({
      exportedAt: '2026-11-03T20:15:07.250Z',
      filter: { kind: 'message' },
      count: 2,
    });
    expect(json.lines.map((row: { reaction: string }) => row.reaction)).toEqual(['👍🏽', '🎉']);
    expect(json.lines[0].time_local).toBe('2026-11-04T01:45:07.250+05:30');
  });
});

describe('file names', () => {
  it('say what was exported and when, in local time', () => {
    expect(exportFileName({}, AT, 'csv')).toBe('reactbar-history-all-exported-2026-11-04-0145.csv');
    expect(
      exportFileName(
        { kind: 'post', value: 'PRAISE', status: 'failed', from: '2026-11-01', to: '2026-11-03' },
        AT,
        'json',
      ),
    ).toBe(
      'reactbar-history-post-praise-failed-2026-11-01-to-2026-11-03-exported-2026-11-04-0145.json',
    );
    expect(exportFileName({ value: '🎉', search: 'Q3 launch!' }, AT, 'csv')).toBe(
      'reactbar-history-emoji-search-q3-launch-exported-2026-11-04-0145.csv',
    );
  });
});
