import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; the server turns it into bytes, logs its status and adds CORS. */
export interface ApiResponse {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with `contentType` (an HTML page); `body` is ignored then. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Destroy the connection without answering (a network failure as the client sees it). */
  drop?: boolean;
}

/** Everything a handler may look at, taken from the raw request once. */
export interface RequestContext {
  method: string;
  /** Raw path, not decoded: URN and Rest.li checks must see the bytes the client sent. */
  path: string;
  /** Raw query string without '?', not decoded. */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  bodyText: string;
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, LinkedIn-Version, X-Restli-Protocol-Version',
  'Access-Control-Expose-Headers':
    'x-restli-id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After',
  'Access-Control-Max-Age': '600',
};

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function splitRawUrl(rawUrl: string): { path: string; rawQuery: string } {
  const mark = rawUrl.indexOf('?');
  return mark < 0
    ? { path: rawUrl, rawQuery: '' }
    : { path: rawUrl.slice(0, mark), rawQuery: rawUrl.slice(mark + 1) };
}

export async function readBodyText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('Request body is too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function buildContext(req: IncomingMessage): Promise<RequestContext> {
  const { path, rawQuery } = splitRawUrl(req.url ?? '/');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
    bodyText: await readBodyText(req),
  };
}

export type JsonParse = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const jsonResponse = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): ApiResponse => ({ status, body, headers });

export function writeResponse(res: ServerResponse, response: ApiResponse): void {
  if (response.drop) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...CORS_HEADERS, ...response.headers };
  if (response.text !== undefined) {
    headers['Content-Type'] = response.contentType ?? 'text/plain; charset=utf-8';
    res.writeHead(response.status, headers);
    res.end(response.text);
    return;
  }
  if (response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  res.writeHead(response.status, headers);
  res.end(text);
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** A header's single value (Node joins most repeated headers already). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

export const htmlResponse = (status: number, html: string): ApiResponse => ({
  status,
  text: html,
  contentType: 'text/html; charset=utf-8',
});

/** A 302 to `location`. */
export const redirectResponse = (location: string): ApiResponse => ({
  status: 302,
  headers: { Location: location, 'Cache-Control': 'no-store' },
});

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
