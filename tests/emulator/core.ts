import { CredentialRegistry } from './credentials';
import { DEMO_KEYS, DEMO_TOKENS } from './demo';
import { EventHub } from './events';
import { FaultBoard } from './faults';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { MessageReactionStore, PostReactionStore } from './stores';
import type { EmulatorOptions } from './types';

/** The emulator's state and switches, shared by the HTTP handlers, the socket and control. */
export interface EmulatorCore {
  registry: CredentialRegistry;
  messages: MessageReactionStore;
  posts: PostReactionStore;
  rateLimiter: RateLimiter;
  faults: FaultBoard;
  log: RequestLog;
  events: EventHub;
  now: () => number;
}

export function createCore(options: EmulatorOptions): EmulatorCore {
  const now = options.now ?? Date.now;
  const registry = new CredentialRegistry(options.keys ?? DEMO_KEYS, options.tokens ?? DEMO_TOKENS);
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
}
