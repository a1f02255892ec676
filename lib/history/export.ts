/**
 * The filtered history as a file: CSV (papaparse: quoting of commas, quotes and line breaks,
 * a BOM so spreadsheets read the emoji as UTF-8) or JSON, and a file name that says what and
 * when. Times are given twice: UTC (ISO 8601, `Z`) and the member's local time with its offset.
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

/** One line as an export row (the JSON's objects, the CSV's rows). */
export function exportRow(line: HistoryLine): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    time_utc: new Date(line.at).toISOString(),
    time_local: localIso(line.at),
    kind: line.kind,
    reaction: line.value,
    reaction_name: reactionName(line),
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

/** Byte order mark: Excel and Numbers then read the file as UTF-8 (emoji intact). */
export const BOM = '\ufeff';

export function toCsv(lines: readonly HistoryLine[]): string {
  const rows = lines.map(exportRow);
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((column) => row[column])) },
    // Formulas are not run: a cell starting with = + - @ is escaped (CSV injection).
    { quotes: false, newline: '\r\n', escapeFormulae: true },
  );
  return `${BOM}${body}\r\n`;
}

export function toJson(
  lines: readonly HistoryLine[],
  filter: HistoryFilter,
  exportedAt: number,
): string {
  return JSON.stringify(
    {
      exportedAt: new Date(exportedAt).toISOString(),
      filter: withoutEmpty(filter),
      count: lines.length,
      lines: lines.map(exportRow),
    },
    null,
    1,
  );
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
