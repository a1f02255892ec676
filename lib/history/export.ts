/**
 * The filtered history as a file: CSV (written by papaparse: quoting of commas, quotes and line
 * breaks, formulas escaped; a BOM so spreadsheets read the emoji as UTF-8) or JSON (written by
 * JSON.stringify), and a
 * file name that says what and when. Times are given twice: UTC (ISO 8601, `Z`) and the member's
 * local time with its offset.
 *
 * 100,000 lines make a file of tens of MB: it is written as parts (csvParts, jsonParts) of
 * PART_LINES lines each, which a Blob takes as they are (never one string of the whole file).
 */
import Papa from 'papaparse';
import { type HistoryFilter, withoutEmpty } from './filter';
import { type HistoryLine, reactionName, STATUS_WORDS, statusOf } from './words';

/** The columns, in order. No names: actors are URNs or account ids, as stored. */
export const CSV_COLUMNS = [
  'time_utc',
  'time_local',
  'kind',
  'reaction',
  'reaction_name',
  'action',
  'outcome',
  'reason',
  'actor',
  'source',
  'service',
  'urn',
  'parent_urn',
  'link',
  'snippet',
] as const;

function pad(value: number, length = 2): string {
  return String(Math.abs(value)).padStart(length, '0');
}

/** "2026-11-03T09:30:00.000-05:00": the local wall-clock time and its offset from UTC. */
export function localIso(at: number): string {
  const date = new Date(at);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}${sign}${pad(
    Math.floor(Math.abs(offset) / 60),
  )}:${pad(Math.abs(offset) % 60)}`;
}

/** LinkedIn's reaction names read once per export, not once per line. */
function namesOnce(): (line: HistoryLine) => string {
  const names = new Map<string, string>();
  return (line) => {
    const key = `${line.kind} ${line.value}`;
    let name = names.get(key);
    if (name === undefined) {
      name = reactionName(line);
      names.set(key, name);
    }
    return name;
  };
}

type ExportRow = Record<(typeof CSV_COLUMNS)[number], string>;

function rowOf(line: HistoryLine, nameOf: (line: HistoryLine) => string): ExportRow {
  return {
    time_utc: new Date(line.at).toISOString(),
    time_local: localIso(line.at),
    kind: line.kind,
    reaction: line.value,
    reaction_name: nameOf(line),
    action: line.react ? 'react' : 'remove',
    outcome: STATUS_WORDS[statusOf(line)].toLowerCase(),
    reason: line.error ?? '',
    actor: line.actor,
    source: line.source,
    service: line.service,
    urn: line.urn,
    parent_urn: line.parentUrn ?? '',
    link: line.link,
    snippet: line.snippet ?? '',
  };
}

/** One line as an export row (the JSON's objects, the CSV's rows). */
export function exportRow(line: HistoryLine): ExportRow {
  return rowOf(line, reactionName);
}

/** Byte order mark: Excel and Numbers then read the file as UTF-8 (emoji intact). */
export const BOM = '\ufeff';

/** Lines per part of a file. */
export const PART_LINES = 2000;

/** How papaparse writes our CSV: CRLF, quotes only where needed, formulas not run. */
const CSV_OPTIONS = {
  quotes: false,
  newline: '\r\n',
  // A cell starting with = + - @ (or a tab or CR) is escaped, so a spreadsheet never runs it.
  escapeFormulae: true,
} as const;

/** Rows as papaparse writes them, one CRLF after each (the header alone for no rows). */
function csvText(rows: readonly (readonly string[])[]): string {
  return `${Papa.unparse(rows as string[][], CSV_OPTIONS)}\r\n`;
}

/** A row's cells, in the columns' order. */
function cellsOf(row: ExportRow): string[] {
  return CSV_COLUMNS.map((column) => row[column]);
}

const JSON_LINES_OPEN = '"lines": [\n';
const JSON_LINES_CLOSE = '\n ]\n}';

/**
 * Rows as JSON.stringify writes them inside the file's `lines` (indent 1, at the same depth),
 * separated by `,\n`: the text between the brackets of `{ lines: rows }`.
 */
function jsonText(rows: readonly ExportRow[]): string {
  const wrapped = JSON.stringify({ lines: rows }, null, 1);
  return wrapped.slice(
    wrapped.indexOf(JSON_LINES_OPEN) + JSON_LINES_OPEN.length,
    wrapped.length - JSON_LINES_CLOSE.length,
  );
}

type Format = 'csv' | 'json';

/**
 * A file as parts: the CSV's BOM and header, then its rows PART_LINES at a time; the JSON's head
 * (exportedAt, filter, count), its rows between the brackets of `lines`, and its end. Joined,
 * exactly papaparse's `unparse` of the rows (with a CRLF after the last) or
 * `JSON.stringify({ exportedAt, filter, count, lines }, null, 1)`.
 */
function csvFileParts(rows: readonly (readonly string[])[]): string[] {
  const parts = [`${BOM}${Papa.unparse([[...CSV_COLUMNS]], CSV_OPTIONS)}\r\n`];
  for (let start = 0; start < rows.length; start += PART_LINES) {
    parts.push(csvText(rows.slice(start, start + PART_LINES)));
  }
  return parts;
}

function jsonFileParts(
  rows: readonly ExportRow[],
  filter: HistoryFilter,
  exportedAt: number,
): string[] {
  const head = JSON.stringify(
    {
      exportedAt: new Date(exportedAt).toISOString(),
      filter: withoutEmpty(filter),
      count: rows.length,
      lines: [],
    },
    null,
    1,
  );
  if (rows.length === 0) return [head];
  // `"lines": []` ends the head: the rows go between its brackets.
  const parts = [`${head.slice(0, head.lastIndexOf('[]'))}[\n`];
  for (let start = 0; start < rows.length; start += PART_LINES) {
    const more = start + PART_LINES < rows.length;
    const text = jsonText(rows.slice(start, start + PART_LINES));
    parts.push(more ? `${text},\n` : text);
  }
  parts.push(JSON_LINES_CLOSE);
  return parts;
}

/** The CSV file as parts, the lines in the order given. */
export function csvParts(lines: readonly HistoryLine[]): string[] {
  const nameOf = namesOnce();
  return csvFileParts(lines.map((line) => cellsOf(rowOf(line, nameOf))));
}

export function toCsv(lines: readonly HistoryLine[]): string {
  return csvParts(lines).join('');
}

/** The JSON file as parts, the lines in the order given. */
export function jsonParts(
  lines: readonly HistoryLine[],
  filter: HistoryFilter,
  exportedAt: number,
): string[] {
  const nameOf = namesOnce();
  return jsonFileParts(
    lines.map((line) => rowOf(line, nameOf)),
    filter,
    exportedAt,
  );
}

export function toJson(
  lines: readonly HistoryLine[],
  filter: HistoryFilter,
  exportedAt: number,
): string {
  return jsonParts(lines, filter, exportedAt).join('');
}

/**
 * An export being written: lines are added as they are read, in any order, each kept as its
 * row (the lines themselves are not kept); `parts` puts the rows newest first, as the list shows
 * them: by time, then by id, a pending click (no id yet) before a stored line of the same
 * millisecond.
 */
export function historyFile(format: Format) {
  const nameOf = namesOnce();
  // CSV: a row's cells, JSON: its object; made as the chunks are read.
  const rows: (ExportRow | string[])[] = [];
  const ats: number[] = [];
  const ids: number[] = [];
  return {
    add(lines: readonly HistoryLine[]): void {
      for (const line of lines) {
        const row = rowOf(line, nameOf);
        rows.push(format === 'csv' ? cellsOf(row) : row);
        ats.push(line.at);
        ids.push(line.id ?? Number.POSITIVE_INFINITY);
      }
    },
    get count(): number {
      return rows.length;
    },
    parts(filter: HistoryFilter, exportedAt: number): string[] {
      const older = (a: number, b: number) =>
        (ats[a] ?? 0) - (ats[b] ?? 0) || (ids[a] ?? 0) - (ids[b] ?? 0);
      let order = Array.from(rows.keys());
      // Read by id, the lines are almost always oldest first already: then they only turn round.
      if (order.some((index) => index > 0 && older(index - 1, index) > 0)) order.sort(older);
      order = order.reverse();
      const ordered = order.map((index) => rows[index]);
      return format === 'csv'
        ? csvFileParts(ordered as string[][])
        : jsonFileParts(ordered as ExportRow[], filter, exportedAt);
    },
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/**
 * "reactbar-history-post-failed-2026-11-01-to-2026-11-03-exported-2026-11-29-2131.csv": what was
 * exported (the filter's fields, "all" for none) and when (local time).
 */
export function exportFileName(
  filter: HistoryFilter,
  exportedAt: number,
  format: 'csv' | 'json',
): string {
  const { kind, value, status, actor, from, to, search } = withoutEmpty(filter);
  const parts = [
    kind,
    value && (/^[A-Z_]+$/.test(value) ? slug(value) : 'emoji'),
    status,
    actor && slug(actor.split(':').slice(-2).join('-')),
    from && to ? `${from}-to-${to}` : from ? `from-${from}` : to ? `to-${to}` : undefined,
    search && `search-${slug(search)}`,
  ].filter(Boolean);
  const stamp = localIso(exportedAt).slice(0, 16).replace('T', '-').replace(':', '');
  return `reactbar-history-${parts.length ? parts.join('-') : 'all'}-exported-${stamp}.${format}`;
}
