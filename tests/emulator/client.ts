import type {
  ControlState,
  CreateWhenExists,
  LinkedInDailyLimit,
  LinkedInReaction,
  LinkedInReactionType,
  ReactionEvent,
  RequestLogEntry,
  RouteId,
  SocketMode,
  TokenInfo,
  TokenStatus,
} from './types';

export { buildMessageFixture, encodeRestliValue, reactPath, restliKey } from './fixtures';
export type * from './types';

export interface FailOptions {
  retryAfterSeconds?: number;
  /** Replaces the default error body (any JSON). */
  body?: unknown;
}

export interface RequestFilter {
  route?: RouteId;
}

export interface SeedPostReaction {
  actor: string;
  root: string;
  reactionType: LinkedInReactionType;
  /** Epoch ms of creation; default now. */
  time?: number;
}

/** Typed client of the emulator's control interface (`/__control`), for Node-side tests. */
export class EmulatorControl {
  private readonly baseUrl: string;

  constructor(controlUrl: string) {
    this.baseUrl = controlUrl.replace(/\/+$/, '');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? null : JSON.parse(text);
    if (!response.ok) {
      const message = (parsed as { error?: string } | null)?.error ?? text;
      throw new Error(`Emulator control ${method} ${path} answered ${response.status}: ${message}`);
    }
    return parsed as T;
  }

  /** Delays every route (no `route`) or one route; a route's own latency wins. */
  async setLatency(ms: number, route?: RouteId): Promise<void> {
    await this.call('POST', '/latency', { ms, route });
  }

  /** The next `count` calls of `route` answer `status` (0: connection dropped, no answer). */
  async failNext(route: RouteId, status: number, count = 1, opts: FailOptions = {}): Promise<void> {
    await this.call('POST', '/fail', { route, status, count, ...opts });
  }

  /** 'refuse': new upgrades get 503. 'drop': kill open sockets now, mode unchanged. */
  async setSockets(mode: SocketMode): Promise<{ mode: SocketMode; dropped: number }> {
    return this.call('POST', '/sockets', { mode });
  }

  /** Sends `raw` verbatim to every authenticated socket (of one key); returns how many. */
  async sendRawSocketFrame(raw: string, apiKey?: string): Promise<number> {
    const { sent } = await this.call<{ sent: number }>('POST', '/sockets/send', { raw, apiKey });
    return sent;
  }

  /** Makes LinkedIn reads (get, batch get, list) answer 403, as without r_member_social. */
  async setReadsForbidden(on: boolean): Promise<void> {
    await this.call('POST', '/reads-forbidden', { on });
  }

  /** ConnectSafely calls per hour, for every key or one; null returns to the plan default. */
  async setRateLimit(perHour: number | null, apiKey?: string): Promise<void> {
    await this.call('POST', '/rate-limit', { perHour, apiKey });
  }

  async requests(filter: RequestFilter = {}): Promise<RequestLogEntry[]> {
    const query = filter.route ? `?route=${encodeURIComponent(filter.route)}` : '';
    const { requests } = await this.call<{ requests: RequestLogEntry[] }>(
      'GET',
      `/requests${query}`,
    );
    return requests;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/requests');
  }

  /** Polls the request log until `count` matching requests arrived, or throws after timeoutMs. */
  async waitForRequests(
    filter: RequestFilter,
    count = 1,
    timeoutMs = 5000,
  ): Promise<RequestLogEntry[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.requests(filter);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `Expected ${count} request(s) on ${filter.route ?? 'any route'}, saw ${found.length}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Polls until `count` requests on `route` wait out their latency (arrived, not yet answered
   * nor applied; the request log lists a request only once answered), or throws after timeoutMs.
   */
  async waitForHeld(route: RouteId, count = 1, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const held = (await this.state()).held[route] ?? 0;
      if (held >= count) return;
      if (Date.now() > deadline) {
        throw new Error(`Expected ${count} held request(s) on ${route}, saw ${held}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** State, logs, faults and events back to start-up; open sockets are closed (1012). */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  /** The emoji an account (default: the primary one) has on a message. */
  async messageReactions(
    conversationUrn: string,
    messageUrn: string,
    accountId?: string,
  ): Promise<string[]> {
    const query = new URLSearchParams({ conversationUrn, messageUrn });
    if (accountId) query.set('accountId', accountId);
    const { emojis } = await this.call<{ emojis: string[] }>('GET', `/message-reactions?${query}`);
    return emojis;
  }

  /** Every reaction on a post or comment, oldest first. */
  async postReactions(entityUrn: string): Promise<LinkedInReaction[]> {
    const query = new URLSearchParams({ entity: entityUrn });
    const { reactions } = await this.call<{ reactions: LinkedInReaction[] }>(
      'GET',
      `/post-reactions?${query}`,
    );
    return reactions;
  }

  /** Adds a reaction as any member (e.g. someone else), without the API's checks. */
  async seedPostReaction(seed: SeedPostReaction): Promise<LinkedInReaction> {
    const { reaction } = await this.call<{ reaction: LinkedInReaction }>(
      'POST',
      '/post-reactions',
      seed,
    );
    return reaction;
  }

  /** What a LinkedIn create answers where the actor already reacted: replace, or 409. */
  async setCreateWhenExists(mode: CreateWhenExists): Promise<void> {
    await this.call('POST', '/create-when-exists', { mode });
  }

  /**
   * LinkedIn REST calls per member and UTC day (null: no limit); `retryAfter`: whether its
   * 429s say when the day ends.
   */
  async setLinkedInDailyLimit(perDay: number | null, retryAfter = false): Promise<void> {
    await this.call('POST', '/linkedin-daily-limit', {
      perDay,
      retryAfter,
    } satisfies LinkedInDailyLimit);
  }

  /**
   * A new LinkedIn token for a member (default: the primary one), with these scopes (default
   * openid, profile, w_member_social), expiring in 60 days unless told (null: never).
   */
  async mintToken(
    options: { sub?: string; scopes?: string[]; expiresInSeconds?: number | null } = {},
  ): Promise<TokenInfo> {
    return this.call('POST', '/tokens', options);
  }

  /** Expires or revokes a token (401 from now on), or makes it active again. */
  async setTokenStatus(token: string, status: TokenStatus): Promise<TokenInfo> {
    return this.call('POST', '/tokens/status', { token, status });
  }

  async token(token: string): Promise<TokenInfo> {
    return this.call('GET', `/tokens?${new URLSearchParams({ token })}`);
  }

  /** The realtime events held for a key (default: the primary key). */
  async events(apiKey?: string): Promise<{ latestSeq: number; events: ReactionEvent[] }> {
    const query = apiKey ? `?${new URLSearchParams({ apiKey })}` : '';
    return this.call('GET', `/events${query}`);
  }

  async state(): Promise<ControlState> {
    return this.call('GET', '/state');
  }
}
