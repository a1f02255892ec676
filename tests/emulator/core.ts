import { CredentialRegistry } from './credentials';
import { DEMO_KEYS, DEMO_OAUTH_CLIENTS, DEMO_ORGANIZATIONS, DEMO_TOKENS } from './demo';
import { EventHub } from './events';
import { FaultBoard } from './faults';
import { LinkedInAuth } from './linkedin/auth';
import { DailyLimiter } from './linkedin/daily-limit';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { MessageReactionStore, PostReactionStore } from './stores';
import type { CreateWhenExists, EmulatorOptions } from './types';

/** LinkedIn's switches that are not faults: what it does when a reaction already exists. */
export interface LinkedInBehaviour {
  createWhenExists: CreateWhenExists;
}

/** The emulator's state and switches, shared by the HTTP handlers, the socket and control. */
export interface EmulatorCore {
  registry: CredentialRegistry;
  messages: MessageReactionStore;
  posts: PostReactionStore;
  rateLimiter: RateLimiter;
  faults: FaultBoard;
  log: RequestLog;
  events: EventHub;
  /** Tokens issued by sign-in or minted by tests, token switches, consents and codes. */
  auth: LinkedInAuth;
  dailyLimit: DailyLimiter;
  linkedin: LinkedInBehaviour;
  /** The start-up values, for reset. */
  initialLinkedIn: Readonly<LinkedInBehaviour>;
  now: () => number;
}

export function createCore(options: EmulatorOptions): EmulatorCore {
  const now = options.now ?? Date.now;
  const registry = new CredentialRegistry(
    options.keys ?? DEMO_KEYS,
    options.tokens ?? DEMO_TOKENS,
    options.oauthClients ?? DEMO_OAUTH_CLIENTS,
    options.organizations ?? DEMO_ORGANIZATIONS,
    now(),
  );
  const initialLinkedIn = { createWhenExists: options.createWhenExists ?? 'upsert' } as const;
  return {
    registry,
    messages: new MessageReactionStore(),
    posts: new PostReactionStore(),
    rateLimiter: new RateLimiter(
      now,
      (apiKey) => registry.planOf(apiKey),
      options.rateLimitPerHour ?? null,
    ),
    faults: new FaultBoard(),
    log: new RequestLog(),
    events: new EventHub(),
    auth: new LinkedInAuth(registry, now),
    dailyLimit: new DailyLimiter(now, {
      perDay: options.linkedinDailyLimit?.perDay ?? null,
      retryAfter: options.linkedinDailyLimit?.retryAfter ?? false,
    }),
    linkedin: { ...initialLinkedIn },
    initialLinkedIn,
    now,
  };
}

/** Everything but credentials back to the start-up state. Sockets are the caller's concern. */
export function resetCore(core: EmulatorCore): void {
  core.messages.clear();
  core.posts.clear();
  core.rateLimiter.reset();
  core.faults.reset();
  core.log.clear();
  core.events.reset();
  core.auth.reset();
  core.dailyLimit.reset();
  core.linkedin = { ...core.initialLinkedIn };
}
