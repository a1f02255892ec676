/**
 * History filters: what the member asked for, whether a line matches it, and which index reads
 * the fewest lines for it. Pure (the local time zone aside), tested on its own; the reading is
 * in lib/db/history.ts.
 */
import { z } from 'zod';
import { uiLocale } from '../locale';
import type { TargetKind } from '../reactions/types';
import {
  type HistoryLine,
  LINE_STATUSES,
  type LineStatus,
  linkedInName,
  localDay,
  STATUS_WORDS,
  statusOf,
  TARGET_KINDS,
} from './words';

/** Every field narrows the lines; an absent field does not. */
export interface HistoryFilter {
  kind?: TargetKind;
  /** One emoji or one LinkedIn reaction type. */
  value?: string;
  status?: LineStatus;
  /** A ConnectSafely account id or a LinkedIn person or page URN. */
  actor?: string;
  /** Local days, inclusive: "2026-11-03". */
  from?: string;
  to?: string;
  /** Words that must all appear in the line's searchable text. */
  search?: string;
}

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A filter as stored (the popup keeps it across openings): anything else reads as none. */
export const historyFilterSchema = z.object({
  kind: z.enum(TARGET_KINDS as [TargetKind, ...TargetKind[]]).optional(),
  value: z.string().min(1).max(32).optional(),
  status: z.enum(LINE_STATUSES as [LineStatus, ...LineStatus[]]).optional(),
  actor: z.string().min(1).max(200).optional(),
  from: dayString.optional(),
  to: dayString.optional(),
  search: z.string().max(200).optional(),
}) satisfies z.ZodType<HistoryFilter>;

export function parseFilter(value: unknown): HistoryFilter {
  const parsed = historyFilterSchema.safeParse(value);
  return parsed.success ? withoutEmpty(parsed.data) : {};
}

/** Drops fields that narrow nothing ("", undefined), so equal filters compare equal. */
export function withoutEmpty(filter: HistoryFilter): HistoryFilter {
  const out: HistoryFilter = {};
  for (const [key, value] of Object.entries(filter) as [keyof HistoryFilter, string][]) {
    if (typeof value === 'string' && value.trim() !== '') Object.assign(out, { [key]: value });
  }
  return out;
}

export function isFiltered(filter: HistoryFilter): boolean {
  return Object.keys(withoutEmpty(filter)).length > 0;
}

/** Local midnight of a "YYYY-MM-DD" day, in ms. */
export function dayStart(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1).getTime();
}

/** The times a filter's days cover: [from, to) in ms, local days. */
export function timeRange(filter: HistoryFilter): { from: number; to: number } {
  const from = filter.from ? dayStart(filter.from) : Number.NEGATIVE_INFINITY;
  let to = Number.POSITIVE_INFINITY;
  if (filter.to) {
    const next = new Date(dayStart(filter.to));
    next.setDate(next.getDate() + 1); // the next local midnight, whatever the day's length
    to = next.getTime();
  }
  return { from, to };
}

/** The search's words, lower-cased; none for an empty search. */
export function searchWords(search: string | undefined): string[] {
  return (search ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

const dayWords = new Map<string, string>();
let dayFormats: { monthDay: Intl.DateTimeFormat; longDate: Intl.DateTimeFormat } | undefined;

/** The day's formats in the member's language (uiLocale), made on first use. */
function dayFormatsOf(): { monthDay: Intl.DateTimeFormat; longDate: Intl.DateTimeFormat } {
  dayFormats ??= {
    monthDay: new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric' }),
    longDate: new Intl.DateTimeFormat(uiLocale(), {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
    }),
  };
  return dayFormats;
}

/**
 * "2026-11-03 nov 3 tuesday, november 3, 2026" (en-US; de-DE: "2026-11-03 3. nov. dienstag, 3.
 * november 2026"): the ways a member may type a day, in the language the popup writes days in.
 */
function wordsOfDay(at: number): string {
  const day = localDay(at);
  let words = dayWords.get(day);
  if (words === undefined) {
    const { monthDay, longDate } = dayFormatsOf();
    words = `${day} ${monthDay.format(at)} ${longDate.format(at)}`.toLocaleLowerCase();
    if (dayWords.size > 2000) dayWords.clear();
    dayWords.set(day, words);
  }
  return words;
}

const names = new Map<string, string>();

/**
 * LinkedIn's name of a reaction, read from the catalogue once per value (a page's language does
 * not change), not once per line matched or indexed.
 */
function nameOf(value: string): string {
  let name = names.get(value);
  if (name === undefined) {
    name = linkedInName(value);
    if (names.size > 1000) names.clear();
    names.set(value, name);
  }
  return name;
}

/**
 * What the search looks in: the reaction (emoji, type and LinkedIn's name), the kind, the
 * outcome and its reason, where it came from, the day, and the snippet if one was kept. Never a
 * name: the history holds none.
 */
export function searchableText(line: HistoryLine): string {
  const name = nameOf(line.value);
  const status = STATUS_WORDS[statusOf(line)];
  const source = line.source === 'remote' ? 'remote elsewhere another device' : 'own';
  return `${line.value} ${name} ${line.kind} ${status} ${line.error ?? ''} ${source} ${wordsOfDay(
    line.at,
  )} ${line.snippet ?? ''}`.toLocaleLowerCase();
}

/** A word key's length at most: a longer search word reads the index by its first characters. */
export const WORD_KEY_CHARS = 12;

/**
 * What the `byWord` index holds for a line: every suffix (cut to WORD_KEY_CHARS) of every word
 * of its searchable text but the day's. A search word has no space, so where `lineMatcher` finds
 * it, it lies inside one word of that text: some key starts with the search word's first
 * characters, and a prefix range of the index finds the line (a superset, which the matcher
 * then checks). The day's words are left out: they depend on the time zone, and `at` has them.
 */
export function wordKeys(line: HistoryLine): string[] {
  const name = nameOf(line.value);
  const status = STATUS_WORDS[statusOf(line)];
  const source = line.source === 'remote' ? 'remote elsewhere another device' : 'own';
  const text = `${line.value} ${name} ${line.kind} ${status} ${line.error ?? ''} ${source} ${
    line.snippet ?? ''
  }`.toLocaleLowerCase();
  const keys = new Set<string>();
  for (const word of text.split(/\s+/)) {
    for (let start = 0; start < word.length; start++) {
      keys.add(word.slice(start, start + WORD_KEY_CHARS));
    }
  }
  return [...keys];
}

let dayPieces: string[] | undefined;

/** The words a day writes in searchableText, digits as 0: "0000-00-00", "nov", "tuesday,"… */
function dayTokens(): string[] {
  if (!dayPieces) {
    const found = new Set<string>();
    // Every month and weekday of a leap year, at noon (never a time-zone change).
    for (let day = 0; day < 366; day++) {
      for (const word of wordsOfDay(new Date(2024, 0, 1 + day, 12).getTime()).split(/\s+/)) {
        found.add(word.replace(/\d/g, '0'));
      }
    }
    dayPieces = [...found];
  }
  return dayPieces;
}

/** Whether a search word may be found in a day's words (which the `byWord` index leaves out). */
export function mayBeDayWord(word: string): boolean {
  const shape = word.replace(/\d/g, '0');
  return dayTokens().some((token) => token.includes(shape));
}

/**
 * The `byWord` keys a search reads by, longest first: one per word the index can find (a
 * search word cut to WORD_KEY_CHARS), none when a word may be a day's. Empty: the index cannot
 * serve this search; every line the search matches has a key starting with each of them.
 */
export function wordIndexKeys(search: string | undefined): string[] {
  const keys = new Set<string>();
  for (const word of searchWords(search)) {
    if (!mayBeDayWord(word)) keys.add(word.slice(0, WORD_KEY_CHARS));
  }
  return [...keys].sort((a, b) => b.length - a.length);
}

/**
 * The search's whole dates ("2026-11-03"): a day's words hold one only on that day, so the
 * lines of that day (through `byAt`) and those holding it elsewhere (through `byWord`) are all
 * it can match.
 */
export function searchDays(search: string | undefined): string[] {
  return searchWords(search).filter((word) => /^\d{4}-\d{2}-\d{2}$/.test(word));
}

/** A matcher for one filter, built once and run on many lines. */
export function lineMatcher(filter: HistoryFilter): (line: HistoryLine) => boolean {
  const { from, to } = timeRange(filter);
  const words = searchWords(filter.search);
  return (line) => {
    if (filter.kind && line.kind !== filter.kind) return false;
    if (filter.value && line.value !== filter.value) return false;
    if (filter.actor && line.actor !== filter.actor) return false;
    if (filter.status && statusOf(line) !== filter.status) return false;
    if (line.at < from || line.at >= to) return false;
    if (words.length > 0) {
      const text = searchableText(line);
      for (const word of words) if (!text.includes(word)) return false;
    }
    return true;
  };
}

/**
 * One way to read the lines a filter may match, newest first: an index of the history store
 * and the range of its keys. Lines in the range may still fail the matcher (other fields, the
 * search); lines outside it never match.
 */
export interface ReadPlan {
  index: 'byAt' | 'byKind' | 'byValue' | 'byActor' | 'byOutcome';
  lower: number | [string, number];
  upper: number | [string, number];
  /** True when every line in the range matches: its count is the filter's count. */
  exact: boolean;
}

/** Every index that could serve the filter; the reader picks the one with the fewest keys. */
export function candidatePlans(filter: HistoryFilter): ReadPlan[] {
  const { from, to } = timeRange(filter);
  const lower = Math.max(from, -Number.MAX_VALUE);
  // Inclusive upper key: just under `to`.
  const upper = Number.isFinite(to) ? to - 0.001 : Number.MAX_VALUE;
  const equalities: [ReadPlan['index'], string][] = [];
  if (filter.value) equalities.push(['byValue', filter.value]);
  if (filter.actor) equalities.push(['byActor', filter.actor]);
  if (filter.kind) equalities.push(['byKind', filter.kind]);
  if (filter.status === 'failed') equalities.push(['byOutcome', 'failed']);
  if (filter.status === 'applied' || filter.status === 'removed') {
    equalities.push(['byOutcome', 'applied']);
  }
  const narrowing = (['value', 'actor', 'kind', 'status', 'search'] as const).filter((key) =>
    Boolean(filter[key]?.trim()),
  );
  const exactOne =
    narrowing.length === 1 && filter.status !== 'applied' && filter.status !== 'removed';
  if (equalities.length === 0) {
    return [{ index: 'byAt', lower, upper, exact: narrowing.length === 0 }];
  }
  return equalities.map(([index, key]) => ({
    index,
    lower: [key, lower],
    upper: [key, upper],
    exact: exactOne,
  }));
}
