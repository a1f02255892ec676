import type { IncomingHttpHeaders } from 'node:http';
import { parseJson } from './http';
import type { RequestLogEntry, RouteId } from './types';

const MAX_ENTRIES = 5000;

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export function queryToRecord(query: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    record[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return record;
}

/** The body as a test wants to see it: parsed if JSON, raw text otherwise, null if empty. */
export function loggableBody(text: string): unknown {
  if (text === '') return null;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

/** Every API request received (control calls excluded), newest last, bounded. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  add(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
    const stored = { id: this.nextId++, ...entry };
    this.entries.push(stored);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return stored;
  }

  list(filter: { route?: RouteId } = {}): RequestLogEntry[] {
    return this.entries.filter((entry) => !filter.route || entry.route === filter.route);
  }

  clear(): void {
    this.entries = [];
  }
}
