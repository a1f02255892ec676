import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOM,
  CSV_COLUMNS,
  csvParts,
  exportFileName,
  exportRow,
  historyFile,
  jsonParts,
  localIso,
  PART_LINES,
  toCsv,
  toJson,
} from '@/lib/history/export';
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

describe('written by papaparse and JSON.stringify, in parts joined to one file', () => {
  const tricky = [
    line(),
    line({ kind: 'post', value: 'PRAISE', react: false, snippet: 'plain words' }),
    line({ kind: 'comment', value: 'MAYBE_LATER', error: 'said "no", then: retry\r\nlater' }),
    line({ snippet: '=1+1' }),
    line({ snippet: '+49 30 1234' }),
    line({ snippet: '-5 degrees' }),
    line({ snippet: '@mention' }),
    line({ snippet: '\tindented' }),
    line({ snippet: '=two\nlines' }), // papaparse's formula test stops at a line break
    line({ snippet: ' leading space' }),
    line({ snippet: 'trailing space ' }),
    line({ snippet: 'a \ufeff BOM inside' }),
    line({ snippet: 'back\\slash and \u0007 bell' }),
    line({ snippet: 'cut in half: \ud83d' }), // a lone surrogate, as a cut snippet could leave
    line({ snippet: 'Zürich 🚀 résumé' }),
    line({ parentUrn: undefined, error: undefined, snippet: undefined }),
  ];
  const many = Array.from(
    { length: 4500 },
    (_, index) => tricky[index % tricky.length] as HistoryLine,
  );

  it('CSV: what papaparse gives for the whole file at once', () => {
    for (const lines of [tricky, many]) {
      const rows = lines.map(exportRow);
      const papa = Papa.unparse(
        {
          fields: [...CSV_COLUMNS],
          data: rows.map((row) => CSV_COLUMNS.map((column) => row[column])),
        },
        { quotes: false, newline: '\r\n', escapeFormulae: true },
      );
      expect(toCsv(lines)).toBe(`${BOM}${papa}\r\n`);
    }
    // No line: the header alone (papaparse added an empty line after it).
    expect(toCsv([])).toBe(`${BOM}${CSV_COLUMNS.join(',')}\r\n`);
    // A formula is never run by a spreadsheet; a comma stays in its cell.
    const cells = toCsv([line({ snippet: '=1+1', error: 'a,b' })]);
    expect(cells).toContain(`,"'=1+1"`);
    expect(cells).toContain(',"a,b",');
  });

  it('JSON: exactly what JSON.stringify gives', () => {
    for (const lines of [[], tricky, many]) {
      const filter = { kind: 'message', search: 'x"y' } as const;
      expect(toJson(lines, filter, AT)).toBe(
        JSON.stringify(
          {
            exportedAt: new Date(AT).toISOString(),
            filter,
            count: lines.length,
            lines: lines.map(exportRow),
          },
          null,
          1,
        ),
      );
    }
  });

  it(`in parts of ${PART_LINES} lines`, () => {
    const parts = csvParts(many);
    expect(parts).toHaveLength(1 + Math.ceil(many.length / PART_LINES));
    expect(parts[1]?.split('\r\n').length).toBeGreaterThan(PART_LINES);
    expect(jsonParts(many, {}, AT).join('')).toBe(toJson(many, {}, AT));
  });
});

describe('an export written as its lines are read', () => {
  it('puts rows newest first whatever the order read, a pending click first on a tie', () => {
    const stored = [
      line({ id: 3, at: AT + 2, value: '🎉' }),
      line({ id: 1, at: AT, value: '👍' }),
      line({ id: 4, at: AT + 1, value: '🚀' }), // written after 3, a millisecond older
      line({ id: 2, at: AT, value: '❤️' }),
    ];
    const pending = line({ id: undefined, at: AT + 2, value: '⏳', outcome: 'pending' });
    const newestFirst = [pending, stored[0], stored[2], stored[3], stored[1]] as HistoryLine[];
    for (const format of ['csv', 'json'] as const) {
      const file = historyFile(format);
      file.add(stored.slice(0, 2));
      file.add(stored.slice(2));
      file.add([pending]);
      expect(file.count).toBe(5);
      const text = file.parts({ kind: 'message' }, AT).join('');
      expect(text).toBe(
        format === 'csv' ? toCsv(newestFirst) : toJson(newestFirst, { kind: 'message' }, AT),
      );
    }
  });

  it('turns lines read oldest first round, ties newest id first', () => {
    const lines = Array.from({ length: 5000 }, (_, index) =>
      line({ id: index + 1, at: AT + Math.floor(index / 3) }),
    );
    const file = historyFile('csv');
    file.add(lines);
    expect(file.parts({}, AT).join('')).toBe(toCsv([...lines].reverse()));
  });
});
