/**
 * The filtered history as a file: CSV (quoting of commas, quotes and line breaks as papaparse
 * writes them, formulas escaped, a BOM so spreadsheets read the emoji as UTF-8) or JSON, and a
 * file name that says what and when. Times are given twice: UTC (ISO 8601, `Z`) and the member's
 * local time with its offset.
 *
 * 100,000 lines make a file of tens of MB: it is written as parts (csvParts, jsonParts) of
 * PART_LINES lines each, which a Blob takes as they are (never one string of the whole file),
 * each cell appended to its part's text as it is escaped.
 */
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

/** A cell a spreadsheet would run as a formula (papaparse's `escapeFormulae`). */
const FORMULA = /^[=+\-@\t\r].*$/;
/** What makes papaparse quote a cell: a quote, the delimiter, a line break, a BOM, an edge space. */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

/**
 * One CSV cell exactly as papaparse's `unparse` writes it with `{ quotes: false, escapeFormulae:
 * true }`: a formula gets a leading `'` and quotes, quotes are doubled inside quotes.
 */
export function csvCell(value: string): string {
  if (FORMULA.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One line of the CSV, without its CRLF. */
function csvRow(line: HistoryLine, nameOf: (line: HistoryLine) => string): string {
  const row = rowOf(line, nameOf);
  return `${csvCell(row.time_utc)},${csvCell(row.time_local)},${csvCell(row.kind)},${csvCell(
    row.reaction,
  )},${csvCell(row.reaction_name)},${csvCell(row.action)},${csvCell(row.outcome)},${csvCell(
    row.reason,
  )},${csvCell(row.actor)},${csvCell(row.source)},${csvCell(row.service)},${csvCell(
    row.urn,
  )},${csvCell(row.parent_urn)},${csvCell(row.link)},${csvCell(row.snippet)}`;
}

/**
 * What JSON.stringify may escape: a quote, a backslash, a control character, a surrogate (a lone
 * one is escaped; an emoji's pair is not, and JSON.stringify tells them apart).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON escapes exactly these.
const JSON_ESCAPES = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonString(value: string): string {
  return JSON_ESCAPES.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/**
 * One line's object in the JSON's `lines`, as JSON.stringify with an indent of 1 writes it: two
 * spaces before the braces, three before each key (CSV_COLUMNS, in order).
 */
function jsonRow(line: HistoryLine, nameOf: (line: HistoryLine) => string): string {
  const row = rowOf(line, nameOf);
  return `  {
   "time_utc": ${jsonString(row.time_utc)},
   "time_local": ${jsonString(row.time_local)},
   "kind": ${jsonString(row.kind)},
   "reaction": ${jsonString(row.reaction)},
   "reaction_name": ${jsonString(row.reaction_name)},
   "action": ${jsonString(row.action)},
   "outcome": ${jsonString(row.outcome)},
   "reason": ${jsonString(row.reason)},
   "actor": ${jsonString(row.actor)},
   "source": ${jsonString(row.source)},
   "service": ${jsonString(row.service)},
   "urn": ${jsonString(row.urn)},
   "parent_urn": ${jsonString(row.parent_urn)},
   "link": ${jsonString(row.link)},
   "snippet": ${jsonString(row.snippet)}
  }`;
}

type Format = 'csv' | 'json';

/**
 * A file's parts around its rows (in the order given): the CSV's BOM and header, then
 * PART_LINES rows at a time, each ending with CRLF; the JSON's head, its rows between the
 * brackets of `lines`, and its end.
 */
function fileParts(
  format: Format,
  rows: readonly string[],
  filter: HistoryFilter,
  exportedAt: number,
): string[] {
  const parts: string[] = [];
  const joiner = format === 'csv' ? '\r\n' : ',\n';
  if (format === 'csv') {
    parts.push(`${BOM}${CSV_COLUMNS.map(csvCell).join(',')}\r\n`);
  } else {
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
    parts.push(`${head.slice(0, head.lastIndexOf('[]'))}[\n`);
  }
  for (let start = 0; start < rows.length; start += PART_LINES) {
    const part = rows.slice(start, start + PART_LINES).join(joiner);
    const more = start + PART_LINES < rows.length;
    // CSV: every row ends with CRLF. JSON: a comma and a line break between rows.
    parts.push(format === 'csv' ? `${part}\r\n` : more ? `${part},\n` : part);
  }
  if (format === 'json') parts.push('\n ]\n}');
  return parts;
}

/**
 * The CSV file as parts, the lines in the order given. Joined, the same text as papaparse's
 * `unparse` of the rows with the CRLF it ends lines with, and one after the last.
 */
export function csvParts(lines: readonly HistoryLine[]): string[] {
  const nameOf = namesOnce();
  return fileParts(
    'csv',
    lines.map((line) => csvRow(line, nameOf)),
    {},
    0,
  );
}

export function toCsv(lines: readonly HistoryLine[]): string {
  return csvParts(lines).join('');
}

/**
 * The JSON file as parts, the lines in the order given: joined, exactly `JSON.stringify({
 * exportedAt, filter, count, lines }, null, 1)`.
 */
export function jsonParts(
  lines: readonly HistoryLine[],
  filter: HistoryFilter,
  exportedAt: number,
): string[] {
  const nameOf = namesOnce();
  return fileParts(
    'json',
    lines.map((line) => jsonRow(line, nameOf)),
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
 * An export being written: lines are added as they are read, in any order, each written as its
 * row at once (so a chunk is written while the next is read, and the lines themselves are not
 * kept); `parts` puts the rows newest first, as the list shows them: by time, then by id, a
 * pending click (no id yet) before a stored line of the same millisecond.
 */
export function historyFile(format: Format) {
  const nameOf = namesOnce();
  const rows: string[] = [];
  const ats: number[] = [];
  const ids: number[] = [];
  const write = format === 'csv' ? csvRow : jsonRow;
  return {
    add(lines: readonly HistoryLine[]): void {
      for (const line of lines) {
        rows.push(write(line, nameOf));
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
      return fileParts(
        format,
        order.map((index) => rows[index] ?? ''),
        filter,
        exportedAt,
      );
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
