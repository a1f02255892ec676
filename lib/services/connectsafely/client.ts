/**
 * ConnectSafely's HTTP API, as the background calls it. Every answer is validated; every
 * failure becomes a ServiceError of one of the engine's failure kinds (see failureFor), with
 * ConnectSafely's own words kept in `detail` for the history.
 */
import { z } from 'zod';
import type { AccountSummary, RateLimitBudget } from '../../accounts/types';
import { type Failure, REQUEST_TIMEOUT_MS, ServiceError } from '../../engine/types';

const errorBody = z.object({ error: z.string() });
const reactAnswer = z.object({ success: z.literal(true) });
const account = z.object({
  id: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  publicId: z.string().nullish(),
  status: z.string().nullish(),
  apiSeatAllocated: z.boolean().nullish(),
});
const accountsAnswer = z.array(account);

export interface ReactCall {
  conversationUrn: string;
  messageUrn: string;
  accountId: string;
  emoji: string;
  react: boolean;
}

export interface ConnectSafelyOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /** Called with the budget every answer reports. */
  onRateLimit?: (budget: RateLimitBudget) => void;
}

export function createConnectSafelyClient(options: ConnectSafelyOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call(path: string, init: RequestInit = {}): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          Accept: 'application/json',
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
        credentials: 'omit',
      });
    } catch {
      // The message is ours: a fetch error can carry the URL, which we keep out of logs.
      throw new ServiceError({ kind: 'offline', detail: 'ConnectSafely could not be reached.' });
    }
    const budget = readRateLimit(response.headers);
    if (budget) options.onRateLimit?.(budget);
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    throw new ServiceError(failureFor(response, body, now()));
  }

  return {
    async react(request: ReactCall): Promise<void> {
      const path =
        `/conversations/${encodeURIComponent(request.conversationUrn)}` +
        `/messages/${encodeURIComponent(request.messageUrn)}/react` +
        `?accountId=${encodeURIComponent(request.accountId)}`;
      const body = await call(path, {
        method: 'POST',
        body: JSON.stringify({ emoji: request.emoji, react: request.react }),
      });
      if (!reactAnswer.safeParse(body).success) {
        // A 200 that cannot be read may still have been applied: an unknown outcome.
        throw new ServiceError({
          kind: 'server-error',
          detail: 'ConnectSafely sent an answer Reactbar could not read.',
        });
      }
    },

    async accounts(): Promise<AccountSummary[]> {
      const parsed = accountsAnswer.safeParse(await call('/accounts'));
      if (!parsed.success) {
        throw new ServiceError({
          kind: 'server-error',
          detail: 'ConnectSafely sent an account list Reactbar could not read.',
        });
      }
      return parsed.data.map((entry) => ({
        id: entry.id,
        name:
          [entry.firstName, entry.lastName].filter(Boolean).join(' ') || entry.publicId || entry.id,
        publicId: entry.publicId ?? '',
        status: entry.status ?? 'unknown',
        apiSeatAllocated: entry.apiSeatAllocated ?? false,
      }));
    },
  };
}

export type ConnectSafelyClient = ReturnType<typeof createConnectSafelyClient>;

function failureFor(response: Response, body: unknown, now: number): Failure {
  const parsed = errorBody.safeParse(body);
  const said = parsed.success ? `: ${parsed.data.error}` : '.';
  switch (response.status) {
    case 400:
      return { kind: 'invalid-request', detail: `ConnectSafely refused this reaction${said}` };
    case 401:
      return { kind: 'credential-refused', detail: 'ConnectSafely refused the API key (401).' };
    case 404:
      return {
        kind: 'account-not-found',
        detail: 'ConnectSafely does not know this LinkedIn account (404).',
      };
    case 429:
      return {
        kind: 'rate-limited',
        detail: 'ConnectSafely rate limit reached.',
        retryAt: retryAtFrom(response.headers, now),
      };
    default:
      return response.status >= 500
        ? { kind: 'server-error', detail: `ConnectSafely had a problem (${response.status}).` }
        : { kind: 'invalid-request', detail: `ConnectSafely answered ${response.status}${said}` };
  }
}

/** `Retry-After` in seconds or as an HTTP date; else the rate-limit reset; else a minute. */
export function retryAtFrom(headers: Headers, now: number): number {
  const retryAfter = headers.get('Retry-After');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return now + seconds * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(now, date);
  }
  const reset = Number(headers.get('X-RateLimit-Reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(now, reset * 1000);
  return now + 60_000;
}

export function readRateLimit(headers: Headers): RateLimitBudget | null {
  const limit = numberHeader(headers, 'X-RateLimit-Limit');
  const remaining = numberHeader(headers, 'X-RateLimit-Remaining');
  const reset = numberHeader(headers, 'X-RateLimit-Reset');
  if (![limit, remaining, reset].every(Number.isFinite)) return null;
  return { limit, remaining, resetAt: reset * 1000 };
}

/** NaN for a missing or empty header (`Number(null)` would be 0). */
function numberHeader(headers: Headers, name: string): number {
  const raw = headers.get(name);
  return raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
}
