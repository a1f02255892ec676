/**
 * The world the model-based test drives: the real engine, the real ConnectSafely and LinkedIn
 * backends and clients (their fetch answered by in-memory services, LinkedIn's under both create
 * behaviours), the real realtime inbox, two tabs' views, a disk whose writes can be held and
 * lost, and a clock. Every fault is a method here; the commands in ./commands.ts call them in random orders.
 */

import { type ContentStore, createContentStore, mergeViews } from '@/lib/content/frame-store';
import { createReactionEngine, type ReactionEngine } from '@/lib/engine/engine';
import type {
  Backend,
  ConfirmedSlot,
  EngineChange,
  EngineStorage,
  Hold,
  Intent,
} from '@/lib/engine/types';
import { REQUEST_TIMEOUT_MS } from '@/lib/engine/types';
import { KINDS } from '@/lib/kinds/registry';
import type { HistoryEntry, Notice, TargetRef, TargetView } from '@/lib/reactions/types';
import { applyIntent } from '@/lib/reactions/values';
import { createConnectSafelyBackend } from '@/lib/services/connectsafely/backend';
import { createConnectSafelyClient } from '@/lib/services/connectsafely/client';
import { remoteChangeOf } from '@/lib/services/connectsafely/events';
import { createInbox, type Inbox } from '@/lib/services/connectsafely/realtime/inbox';
import { createLinkedInBackend } from '@/lib/services/linkedin/backend';
import { createLinkedInClient, createThrottleStreak } from '@/lib/services/linkedin/client';
import { buildMessageFixture } from '../emulator/fixtures';
import {
  ACCOUNT_ID,
  API_KEY,
  applyMessageReaction,
  type ConnectSafelyModel,
  connectSafelyModel,
  type LinkedInModel,
  linkedInModel,
  type Outcome,
  type PendingRequest,
} from './services';

export const START = 1_767_225_600_000;
const KEY_ID = 'key-1';
const TOKEN_ID = 'token-1';
const PERSON = 'urn:li:person:modelMember';

const messages = ['001', '002'].map((seq) => {
  const fixture = buildMessageFixture({ profileId: 'ACoAAModelViewer', seq });
  return {
    kind: 'message',
    urn: fixture.messageUrn,
    conversationUrn: fixture.conversationUrn,
  } as const;
});

/** The targets a schedule reacts to, and the values it uses on each kind. */
export const TARGETS: readonly TargetRef[] = [
  ...messages,
  { kind: 'post', urn: 'urn:li:activity:7000000000000000001' },
  { kind: 'post', urn: 'urn:li:ugcPost:7000000000000000002' },
  { kind: 'comment', urn: 'urn:li:comment:(urn:li:activity:7000000000000000001,71)' },
];
export const VALUES: Readonly<Record<TargetRef['kind'], readonly string[]>> = {
  message: ['👍', '🎉'],
  post: ['LIKE', 'EMPATHY', 'PRAISE'],
  comment: ['LIKE', 'EMPATHY', 'PRAISE'],
};

interface Disk {
  intents: Map<string, Intent>;
  confirmed: Map<string, ConfirmedSlot>;
  holds: Map<string, Hold>;
  history: HistoryEntry[];
  cursor: number | null;
  seen: Set<string>;
}

/** One click made in a tab: what it asked for and when (the model clock). */
export interface Click {
  slot: string;
  /** The value clicked; `state` is that value, or null for a click that removes it. */
  value: string;
  state: string | null;
  at: number;
  /** The worker died before the click was stored: the tab said so and rolled back. */
  lost?: boolean;
}

/** An own request as the service saw it: when it was out (for telling echoes apart). */
interface RequestWindow {
  slot: string;
  state: string | null;
  from: number;
  until: number;
}

const never = new Promise<never>(() => {});

export class World {
  now = START;
  readonly cs: ConnectSafelyModel = connectSafelyModel();
  readonly li: LinkedInModel;
  readonly disk: Disk = {
    intents: new Map(),
    confirmed: new Map(),
    holds: new Map(),
    history: [],
    cursor: null,
    seen: new Set(),
  };
  readonly tabs: ContentStore[] = [createContentStore([]), createContentStore([])];
  readonly clicks: Click[] = [];
  readonly notices: Notice[] = [];
  readonly pending: PendingRequest[] = [];
  readonly windows: RequestWindow[] = [];
  /** Successful answers delivered to a live engine (each may add one history line). */
  successesAnswered = 0;
  offline = false;
  slowDisk = false;
  socketUp = false;
  /** The next event index the socket sends in this connection. */
  private delivered = 0;
  private heldCommits: { change: EngineChange; done: () => void }[] = [];
  private generation = 0;
  private nextRequestId = 1;
  engine!: ReactionEngine;
  private inbox!: Inbox;
  wakeAt = Number.POSITIVE_INFINITY;
  /** View requests the engine has not answered yet. */
  private readonly unansweredViews = new Set<{ rollBack(): void }>();
  /** What frames told the engine LinkedIn's page shows, not answered yet. */
  private readonly unansweredObservations = new Set<{ resend(): void }>();
  /** Clicks the engine has not answered yet. */
  private readonly unanswered = new Set<{ click: Click; rollBack(): void }>();
  /** Engine operations started by commands and not yet settled (clicks, remote events). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(createWhenExists: LinkedInModel['createWhenExists']) {
    this.li = linkedInModel(createWhenExists);
    this.boot();
  }

  // ---------------------------------------------------------------------------------------
  // The engine and its world

  private boot(): void {
    this.generation += 1;
    const generation = this.generation;
    const alive = () => generation === this.generation;
    this.wakeAt = Number.POSITIVE_INFINITY;
    this.engine = createReactionEngine({
      storage: this.storageFor(alive),
      backends: {
        connectsafely: this.connectSafelyBackend(generation),
        linkedin: this.linkedInBackend(generation),
      },
      publishViews: (views) => {
        if (alive()) for (const tab of this.tabs) mergeViews(tab, views);
      },
      publishNotice: (notice) => {
        if (alive()) this.notices.push(notice);
      },
      historyChanged: () => {},
      wakeAt: (at) => {
        if (alive()) this.wakeAt = Math.min(this.wakeAt, at);
      },
      now: () => this.now,
      random: () => 0.5,
    });
    this.inbox = createInbox({
      cursor: {
        load: async () => (alive() ? this.disk.cursor : never),
        save: async (seq) => {
          if (alive()) this.disk.cursor = seq;
        },
      },
      seen: {
        has: async (id) => (alive() ? this.disk.seen.has(id) : never),
        add: async (id) => {
          if (alive()) this.disk.seen.add(id);
        },
      },
      onEvent: async (event) => {
        const change = remoteChangeOf(event);
        if (change) await this.engine.applyRemote(change);
      },
      log: () => {},
      onFailure: () => {
        if (alive()) this.socketUp = false;
      },
    });
    this.track(this.engine.wake());
  }

  private storageFor(alive: () => boolean): EngineStorage {
    const clone = <T>(value: T): T => structuredClone(value);
    return {
      loadIntents: async () => (alive() ? [...this.disk.intents.values()].map(clone) : never),
      loadHolds: async () => (alive() ? [...this.disk.holds.values()].map(clone) : never),
      confirmedFor: async (targetKey) =>
        alive()
          ? [...this.disk.confirmed.values()]
              .filter((slot) => slot.targetKey === targetKey)
              .map(clone)
          : never,
      commit: (change) => {
        if (!alive()) return never;
        const copy = clone(change);
        if (!this.slowDisk) {
          this.write(copy);
          return Promise.resolve();
        }
        return new Promise<void>((done) => this.heldCommits.push({ change: copy, done }));
      },
    };
  }

  private write(change: EngineChange): void {
    for (const intent of change.putIntents ?? []) this.disk.intents.set(intent.id, intent);
    for (const id of change.deleteIntents ?? []) this.disk.intents.delete(id);
    for (const slot of change.putConfirmed ?? []) this.disk.confirmed.set(slot.id, slot);
    for (const hold of change.putHolds ?? []) this.disk.holds.set(hold.credentialId, hold);
    for (const id of change.deleteHolds ?? []) this.disk.holds.delete(id);
    this.disk.history.push(...(change.history ?? []));
  }

  private connectSafelyBackend(generation: number): Backend {
    return createConnectSafelyBackend({
      defaultAccount: async () => ({ keyId: KEY_ID, accountId: ACCOUNT_ID }),
      hasKeys: async () => true,
      clientFor: async () =>
        createConnectSafelyClient({
          baseUrl: 'http://connectsafely.model/linkedin',
          apiKey: API_KEY,
          now: () => this.now,
          timeoutMs: 2 ** 31 - 1,
          fetch: (input, init) => this.connectSafelyFetch(String(input), init, generation),
        }),
      keyRefused: () => {
        throw new Error('The model never refuses the key');
      },
    });
  }

  /** ConnectSafely's react endpoint, answered when the schedule decides. */
  private connectSafelyFetch(
    url: string,
    init: RequestInit | undefined,
    generation: number,
  ): Promise<Response> {
    const match = new URL(url).pathname.match(
      /^\/linkedin\/conversations\/([^/]+)\/messages\/([^/]+)\/react$/,
    );
    if (!match || init?.method !== 'POST') throw new Error(`Unexpected request ${url}`);
    const conversationUrn = decodeURIComponent(match[1] ?? '');
    const messageUrn = decodeURIComponent(match[2] ?? '');
    const { emoji, react } = JSON.parse(String(init.body)) as { emoji: string; react: boolean };
    const apply = () =>
      applyMessageReaction(
        this.cs,
        { messageUrn, conversationUrn, emoji, react },
        this.tick(),
        'us',
      );
    return this.request(
      'connectsafely',
      `${ACCOUNT_ID}|${messageUrn}|${emoji}`,
      react ? emoji : null,
      generation,
      apply,
      (outcome) => {
        const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
          new Response(JSON.stringify(body), { status, headers });
        switch (outcome) {
          case 'ok':
          case 'twice':
            return json(200, { success: true, messageUrn, emoji, react });
          case 'garbled':
            return new Response('<html>gateway</html>', { status: 200 });
          case 'server-error':
          case 'server-error-after':
            return json(500, { error: 'Internal error' });
          case 'rate-limited':
            return json(429, { error: 'Too many requests' }, { 'Retry-After': '120' });
          case 'rate-limited-bare':
            return json(429, { error: 'Too many requests' });
          default:
            return new TypeError('Failed to fetch');
        }
      },
    );
  }

  private linkedInBackend(generation: number): Backend {
    // The token's streak of 429s lives as long as the worker, as in the background.
    const throttle = createThrottleStreak();
    return createLinkedInBackend({
      identity: async () => ({ credentialId: TOKEN_ID, actor: PERSON }),
      clientFor: async () =>
        createLinkedInClient({
          restUrl: 'https://api.linkedin.model/rest',
          userinfoUrl: 'https://api.linkedin.model/v2/userinfo',
          version: '202610',
          accessToken: 'li_model_token',
          now: () => this.now,
          timeoutMs: 2 ** 31 - 1,
          throttle,
          fetch: (input, init) => this.linkedInFetch(String(input), init, generation),
        }),
      tokenRefused: () => {
        throw new Error('The model never refuses the token');
      },
    });
  }

  /**
   * LinkedIn's Reactions API: create and delete, at most one reaction per actor and entity, a
   * create where one exists replacing it or answering 409 (the world's createWhenExists);
   * answered when the schedule decides.
   */
  private linkedInFetch(
    url: string,
    init: RequestInit | undefined,
    generation: number,
  ): Promise<Response> {
    const parsed = new URL(url);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), { status, headers });
    const error = (status: number, message: string, headers: Record<string, string> = {}) =>
      json(status, { status, message, serviceErrorCode: status === 429 ? 101 : 0 }, headers);
    const failed = (outcome: Outcome): Response | Error | null => {
      switch (outcome) {
        case 'server-error':
        case 'server-error-after':
          return error(500, 'Internal Server Error');
        case 'rate-limited':
          return error(429, 'Resource level throttle limit reached', { 'Retry-After': '120' });
        case 'rate-limited-bare':
          return error(429, 'Resource level throttle limit reached');
        case 'lost-before':
        case 'lost-after':
          return new TypeError('Failed to fetch');
        default:
          return null;
      }
    };
    if (init?.method === 'POST' && parsed.pathname === '/rest/reactions') {
      const actor = parsed.searchParams.get('actor') ?? '';
      const { root, reactionType } = JSON.parse(String(init.body)) as {
        root: string;
        reactionType: string;
      };
      const slot = `${actor}|${root}|`;
      let conflict = false;
      const apply = () => {
        // Each copy the service receives is judged on its own (a resent one meets the first).
        conflict = this.li.state.has(slot) && this.li.createWhenExists === 'conflict';
        if (conflict) return;
        this.li.state.set(slot, reactionType);
        this.li.writes.push({ slot, state: reactionType, at: this.tick(), by: 'us' });
      };
      return this.request('linkedin', slot, reactionType, generation, apply, (outcome) => {
        if (outcome === 'garbled') return new Response('<html>gateway</html>', { status: 201 });
        if (conflict && (outcome === 'ok' || outcome === 'twice')) {
          return error(409, 'A reaction already exists');
        }
        const reaction = { id: `urn:li:reaction:(${actor},${root})`, reactionType, root };
        return failed(outcome) ?? json(201, reaction, { 'x-restli-id': reaction.id });
      });
    }
    const key = parsed.pathname.match(/^\/rest\/reactions\/\(actor:([^,()]+),entity:([^,()]+)\)$/);
    if (init?.method === 'DELETE' && key) {
      const slot = `${decodeURIComponent(key[1] ?? '')}|${decodeURIComponent(key[2] ?? '')}|`;
      let existed = false;
      const apply = () => {
        existed = this.li.state.delete(slot);
        if (existed) this.li.writes.push({ slot, state: null, at: this.tick(), by: 'us' });
      };
      return this.request('linkedin', slot, null, generation, apply, (outcome) => {
        if (outcome === 'garbled') return new Response('<html>gateway</html>', { status: 200 });
        if (!existed && (outcome === 'ok' || outcome === 'twice')) {
          return error(404, 'Reaction not found');
        }
        return failed(outcome) ?? new Response(null, { status: 204 });
      });
    }
    throw new Error(`Unexpected request ${init?.method} ${url}`);
  }

  /** A request reaching a service: pending until the schedule answers it. */
  private request<T>(
    service: PendingRequest['service'],
    slot: string,
    state: string | null,
    generation: number,
    apply: () => void,
    answerWith: (outcome: Outcome) => T,
  ): Promise<Exclude<T, Error>> {
    if (this.offline) {
      // It never left, but its sender cannot tell that from a lost connection.
      this.windows.push({ slot, state, from: this.now, until: this.now });
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return new Promise((resolve, reject) => {
      const window: RequestWindow = {
        slot,
        state,
        from: this.now,
        until: this.now + REQUEST_TIMEOUT_MS,
      };
      this.windows.push(window);
      this.pending.push({
        id: this.nextRequestId++,
        service,
        slot,
        state,
        sentAt: this.now,
        generation,
        apply,
        answer: (outcome) => {
          // The worker that asked is gone: its successor cannot know when (or whether) this was
          // answered, so the request stays possibly applied until its timeout.
          if (generation !== this.generation) return;
          window.until = this.now;
          const answer = answerWith(outcome);
          if (answer instanceof Error) reject(answer);
          else {
            if (outcome === 'ok' || outcome === 'twice') this.successesAnswered += 1;
            resolve(answer as Exclude<T, Error>);
          }
        },
      });
    });
  }

  /** Advances the clock by one millisecond: every write on a service has its own time. */
  tick(): number {
    this.now += 1;
    return this.now;
  }

  private track(operation: Promise<unknown>): void {
    const tracked = operation.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Lets every promise chain that can move, move. */
  async flush(): Promise<void> {
    for (let round = 0; round < 3; round++) await new Promise((resolve) => setImmediate(resolve));
  }

  // ---------------------------------------------------------------------------------------
  // What users, services and faults do

  click(tabIndex: number, targetIndex: number, valueIndex: number): void {
    const tab = this.tabs[tabIndex % this.tabs.length] as ContentStore;
    const target = TARGETS[targetIndex % TARGETS.length] as TargetRef;
    const values = VALUES[target.kind];
    const value = values[valueIndex % values.length] as string;
    const { model } = KINDS[target.kind];
    const before = tab.getState().views[target.urn] ?? { urn: target.urn, active: [], pending: [] };
    const react = !before.active.includes(value);
    const at = this.tick();
    const click: Click = {
      slot: this.slotOf(target, value),
      value,
      state: react ? value : null,
      at,
    };
    this.clicks.push(click);
    mergeViews(tab, [applyIntent(before, model, value, react)]);
    const unanswered = {
      click,
      // The content script's message fails when the worker dies: it rolls back and says so.
      rollBack: () => {
        mergeViews(tab, [before]);
        this.notices.push({
          urn: target.urn,
          code: 'offline',
          message: '',
          fixInAccounts: false,
          rolledBack: true,
        });
      },
    };
    this.unanswered.add(unanswered);
    this.track(
      this.engine.react({ target, value, react }).then((answer) => {
        this.unanswered.delete(unanswered);
        if (answer.accepted) mergeViews(tab, [answer.view]);
        else {
          mergeViews(tab, [before]);
          this.notices.push(answer.notice);
        }
      }),
    );
  }

  /** The slot key a click or write is about, as the services name it. */
  slotOf(target: TargetRef, value: string): string {
    return KINDS[target.kind].model === 'many'
      ? `${ACCOUNT_ID}|${target.urn}|${value}`
      : `${PERSON}|${target.urn}|`;
  }

  answer(requestIndex: number, outcome: Outcome): void {
    if (this.pending.length === 0) return;
    const [request] = this.pending.splice(requestIndex % this.pending.length, 1);
    if (!request) return;
    this.tick();
    const applies = ['ok', 'twice', 'lost-after', 'server-error-after', 'garbled'].includes(
      outcome,
    );
    if (applies) request.apply();
    if (outcome === 'twice') request.apply();
    request.answer(outcome);
  }

  /** Another device toggles an emoji on a message (LinkedIn has no realtime feed to see it). */
  reactElsewhere(messageIndex: number, valueIndex: number): void {
    const target = messages[messageIndex % messages.length] as (typeof messages)[number];
    const emoji = VALUES.message[valueIndex % VALUES.message.length] as string;
    const on = this.cs.state.get(`${ACCOUNT_ID}|${target.urn}|${emoji}`) ?? false;
    applyMessageReaction(
      this.cs,
      { messageUrn: target.urn, conversationUrn: target.conversationUrn, emoji, react: !on },
      this.tick(),
      'elsewhere',
    );
  }

  /**
   * The member reacts with LinkedIn's own button on a post or comment (toggling a type there, as
   * LinkedIn does) and the page's frame tells the engine what the page shows now. Only while no
   * request of ours for the slot is queued or out: the engine ignores the page then, by design
   * (the page may be showing an echo of an older request of ours).
   */
  reactOnPage(targetIndex: number, valueIndex: number): void {
    const targets = TARGETS.filter((target) => KINDS[target.kind].model === 'one');
    const target = targets[targetIndex % targets.length] as TargetRef;
    const values = VALUES[target.kind];
    const value = values[valueIndex % values.length] as string;
    const slot = this.slotOf(target, value);
    const ours = (id: string) => id.slice(id.indexOf('|') + 1) === slot;
    if (
      // Known gap, not covered: a reloaded page's state does not correct a slot the engine has
      // seen before (a page's state has no time; it may be older than what the engine knows).
      [...this.disk.intents.keys()].some(ours) ||
      // A click still being written down is queued too (its intent is not on disk yet).
      [...this.unanswered].some(({ click }) => click.slot === slot) ||
      this.heldCommits.some(({ change }) => change.putIntents?.some((intent) => ours(intent.id))) ||
      this.engine.inspect().intents.some((intent) => ours(intent.id)) ||
      this.pending.some((request) => request.slot === slot)
    ) {
      return;
    }
    const state = this.li.state.get(slot) === value ? null : value;
    if (state === null) this.li.state.delete(slot);
    else this.li.state.set(slot, state);
    this.li.writes.push({ slot, state, at: this.tick(), by: 'elsewhere' });
    this.observePage(target, value);
  }

  /**
   * The frame tells the engine what the page shows for a slot; until answered, it tells a new
   * worker again, as the page shows it then (lib/content/native-reactions.ts).
   */
  private observePage(target: TargetRef, value: string): void {
    const state = this.li.state.get(this.slotOf(target, value)) ?? null;
    const observation = { resend: () => this.observePage(target, value) };
    this.unansweredObservations.add(observation);
    this.track(
      this.engine.observePage(target, state).then(() => {
        this.unansweredObservations.delete(observation);
      }),
    );
  }

  async connectSocket(): Promise<void> {
    if (this.socketUp) return;
    this.socketUp = true;
    const inbox = this.inbox;
    const generation = this.generation;
    await inbox.load().catch(() => undefined);
    if (generation !== this.generation || !this.socketUp) return;
    inbox.acceptReady(this.cs.events.length);
    // The server replays every event after the cursor it was given.
    this.delivered = inbox.position ?? this.cs.events.length;
    this.engine.retryQueued();
  }

  dropSocket(): void {
    this.socketUp = false;
    this.inbox.discardPending();
  }

  deliverEvents(count: number): void {
    if (!this.socketUp) return;
    for (let i = 0; i < count && this.delivered < this.cs.events.length; i++) {
      this.inbox.acceptEvent(this.cs.events[this.delivered++] as never);
    }
  }

  duplicateEvent(back: number): void {
    if (!this.socketUp || this.delivered === 0) return;
    const index = Math.max(0, this.delivered - 1 - (back % this.delivered));
    this.inbox.acceptEvent(this.cs.events[index] as never);
  }

  setOffline(offline: boolean): void {
    this.offline = offline;
    if (!offline) void this.engine.retryQueued();
  }

  setSlowDisk(slow: boolean): void {
    this.slowDisk = slow;
    if (!slow) this.releaseWrites(Number.POSITIVE_INFINITY);
  }

  releaseWrites(count: number): void {
    const released = this.heldCommits.splice(0, Math.min(count, this.heldCommits.length));
    for (const { change, done } of released) {
      this.write(change);
      done();
    }
  }

  /**
   * Time passes, with what happens on the way in order: requests time out (the service applied
   * each by then, or never will) and the engine wakes when it asked to.
   */
  async passTime(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const expired = this.pending
        .filter((request) => request.sentAt + REQUEST_TIMEOUT_MS <= until)
        .sort((a, b) => a.sentAt - b.sentAt)[0];
      // Answering and applying each take a millisecond, and several requests may time out
      // together: their answers start early enough that all land before the deadline.
      const expiresAt = expired
        ? expired.sentAt + REQUEST_TIMEOUT_MS - 2 * (this.pending.length + 1)
        : Number.POSITIVE_INFINITY;
      const next = Math.min(expiresAt, this.wakeAt);
      if (next > until) break;
      this.now = Math.max(this.now, next);
      if (expired && expiresAt === next) {
        this.answer(
          this.pending.indexOf(expired),
          expired.id % 2 === 0 ? 'lost-after' : 'lost-before',
        );
      } else {
        this.wakeAt = Number.POSITIVE_INFINITY;
        this.track(this.engine.wake());
      }
      await this.flush();
    }
    this.now = Math.max(this.now, until);
  }

  /**
   * The worker dies: memory is lost, the first `landed` held writes reach the disk and the rest
   * never do, answers to its requests go nowhere, its socket closes. A new worker starts.
   */
  kill(landed: number): void {
    const held = this.heldCommits.splice(0);
    for (const { change } of held.slice(0, landed)) this.write(change);
    // The next worker may not know how the requests sent so far ended (the writes saying so
    // may be lost): to it, each may have been applied until its timeout.
    for (const window of this.windows) {
      window.until = Math.max(window.until, window.from + REQUEST_TIMEOUT_MS);
    }
    // Nor whether a request it had written down as leaving ever left.
    for (const intent of this.disk.intents.values()) {
      for (const sent of intent.sent) {
        if (sent.until !== undefined) continue;
        this.windows.push({
          slot: intent.id.slice(intent.id.indexOf('|') + 1),
          state: sent.state,
          from: sent.at,
          until: this.now + REQUEST_TIMEOUT_MS,
        });
      }
    }
    this.socketUp = false;
    this.running.clear();
    for (const { click, rollBack } of this.unanswered) {
      // Stored before the worker died (its write landed): it will still be sent.
      const stored =
        [...this.disk.intents.values()].some((intent) => intent.clickedAt === click.at) ||
        [...this.disk.confirmed.values()].some((slot) => slot.latest.at === click.at);
      if (!stored) {
        click.lost = true;
        rollBack();
      }
    }
    this.unanswered.clear();
    const views = [...this.unansweredViews];
    this.unansweredViews.clear();
    const observations = [...this.unansweredObservations];
    this.unansweredObservations.clear();
    this.boot();
    for (const request of views) request.rollBack();
    for (const observation of observations) observation.resend();
    // A new worker tells the tabs it restarted: views with pending values are asked again.
    this.requestViews();
  }

  /** The browser restarts: a killed worker, and the tabs load their views again. */
  restartBrowser(): void {
    this.kill(0);
    for (const tab of this.tabs) tab.setState({ views: {} });
    this.requestViews();
  }

  /** The tabs ask for their views; the content script asks again if the worker dies first. */
  private requestViews(): void {
    const urns = TARGETS.map((target) => target.urn);
    // A loaded LinkedIn page shows the member's reaction on each post and comment, as the
    // service has it; the content script sends what it reads there.
    const pageStates: Record<string, string | null> = {};
    for (const target of TARGETS) {
      if (KINDS[target.kind].model !== 'one') continue;
      const slot = this.slotOf(target, VALUES[target.kind][0] as string);
      pageStates[target.urn] = this.li.state.get(slot) ?? null;
    }
    const request = { rollBack: () => this.requestViews() };
    this.unansweredViews.add(request);
    this.track(
      this.engine.views(urns, pageStates).then(({ views }) => {
        this.unansweredViews.delete(request);
        for (const tab of this.tabs) mergeViews(tab, views);
      }),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Settling and checking

  /** Heals every fault and runs until nothing moves: the state every schedule must end in. */
  async settle(): Promise<void> {
    this.setOffline(false);
    this.setSlowDisk(false);
    await this.connectSocket();
    for (let round = 0; round < 400; round++) {
      await this.flush();
      await Promise.all(this.running);
      if (this.pending.length > 0) {
        this.answer(0, 'ok');
        continue;
      }
      if (this.socketUp && this.delivered < this.cs.events.length) {
        this.deliverEvents(this.cs.events.length);
        continue;
      }
      if (!this.socketUp) {
        await this.connectSocket();
        continue;
      }
      await this.inboxIdle();
      if (this.engine.inspect().intents.length === 0 && this.pending.length === 0) {
        await this.flush();
        if (this.pending.length === 0 && this.engine.inspect().intents.length === 0) return;
      }
      if (this.wakeAt !== Number.POSITIVE_INFINITY)
        await this.passTime(Math.max(0, this.wakeAt - this.now));
      else await this.passTime(1000);
    }
    throw new Error(`Did not settle: ${JSON.stringify(this.engine.inspect())}`);
  }

  private async inboxIdle(): Promise<void> {
    await Promise.race([this.inbox.idle(), this.flush()]);
  }

  /** The service's state of every slot the schedule could have touched. */
  serviceState(slot: string): string | null {
    if (slot.startsWith(PERSON)) return this.li.state.get(slot) ?? null;
    const emoji = slot.slice(slot.lastIndexOf('|') + 1);
    return this.cs.state.get(slot) ? emoji : null;
  }

  /** What a target shows on the service, as a view's active values. */
  serviceView(target: TargetRef): string[] {
    return VALUES[target.kind]
      .filter((value) => this.serviceState(this.slotOf(target, value)) !== null)
      .map((value) =>
        KINDS[target.kind].model === 'one'
          ? (this.serviceState(this.slotOf(target, value)) as string)
          : value,
      )
      .filter((value, index, all) => all.indexOf(value) === index);
  }

  /** Whether a change made elsewhere could be taken for the echo of one of our requests. */
  ambiguous(slot: string, state: string | null, at: number): boolean {
    return this.windows.some(
      (window) =>
        window.slot === slot && window.state === state && window.from <= at && at <= window.until,
    );
  }

  tabView(tabIndex: number, urn: string): TargetView {
    return this.tabs[tabIndex]?.getState().views[urn] ?? { urn, active: [], pending: [] };
  }
}
