/**
 * The page-side half of the benchmark, served inside the bench page as a plain `<script>` (it is
 * "LinkedIn's own code"): adds the messages one batch per animation frame, watches for the
 * bars, counts stylesheet copies and times clicks. The same script runs in every variant, so its
 * own cost cancels out when the no-extension run is subtracted.
 *
 * `installHarness` must stay self-contained: its source text is what the page runs.
 */

export interface RunOptions {
  /** Shadow hosts whose shadow root holds a bar once decorated; none: wait for the adds only. */
  hostTags: string[];
  /** How many decorated hosts mean "done". */
  expected: number;
  timeoutMs: number;
}

export interface RunResult {
  /** performance.now() just before the first batch was appended. */
  start: number;
  /** After the last batch was appended. */
  allAdded: number;
  /** First frame at which `expected` hosts were decorated (or all added, without hosts). */
  done: number;
  /** End of the frame after `done`: its style, layout and paint are included. */
  end: number;
  frames: number;
  /** Longest gap between two animation frames during the run (jank). */
  maxFrameGap: number;
  decorated: number;
  messages: number;
  timedOut: boolean;
  longTasks: { count: number; total: number };
}

export interface StyleCopies {
  /** Distinct adopted CSSStyleSheet objects holding the bar's CSS. */
  adoptedSheets: number;
  /** `<style>` elements holding the bar's CSS (in shadow roots and in the document). */
  styleElements: number;
  copies: number;
  /** Characters of bar CSS held by those copies, together. */
  cssChars: number;
  shadowRoots: number;
}

export interface ClickArm {
  urn: string;
  emoji: string;
  /** The button's `aria-pressed` after the click. */
  expectPressed: boolean;
  timeoutMs: number;
  /**
   * LinkedIn's own "React with thumbs up" button instead of the bar's: the page's code toggles it
   * (the floor a click can cost on this page, with no extension work at all).
   */
  native?: boolean;
}

export interface ClickResult {
  ok: boolean;
  /** The click event's timeStamp (performance.now() time base). */
  clickTs: number;
  /** performance.timeOrigin + click timeStamp. */
  clickEpoch: number;
  /** Click → MutationObserver saw `aria-pressed` change. */
  domMs: number;
  /** Click → rAF callback of the first frame showing the change. */
  rafMs: number;
  /** Click → end of that frame's task (a setTimeout(0) queued in that rAF callback). */
  frameEndMs: number;
  /** Animation frames from the click to the one showing the change (1: the very next frame). */
  frames: number;
}

export interface WatchResult {
  ok: boolean;
  /** performance.timeOrigin + performance.now() when the change was seen. */
  perfEpoch: number;
  /** Date.now() when the change was seen. */
  dateEpoch: number;
}

export interface BenchApi {
  load(batches: string[]): number;
  clear(): void;
  addAll(): number;
  run(options: RunOptions): Promise<RunResult>;
  decoratedCount(hostTags: string[]): number;
  styleCopies(): StyleCopies;
  /** Scrolls the message to the middle of its list; the point to hover it at. */
  prepareClick(urn: string): Point;
  /** Resolves once the message's bar shows its `emoji` button (false after the timeout). */
  waitForBar(options: { urn: string; emoji: string; timeoutMs: number }): Promise<boolean>;
  /** Arms the click timing; the point to click the emoji button at. */
  armClick(arm: ClickArm): Point;
  clickResult(): Promise<ClickResult>;
  watchPressed(arm: ClickArm): void;
  watchResult(): Promise<WatchResult>;
  /** Resolves true once the button shows `pressed` and is no longer pending (confirmed). */
  waitConfirmed(arm: ClickArm): Promise<boolean>;
  /** The same for many buttons at once: how many were confirmed in time. */
  waitConfirmedAll(arms: ClickArm[]): Promise<number>;
}

export interface Point {
  x: number;
  y: number;
}

/** The bar CSS marker: a selector only the bar's stylesheet has. */
export const STYLE_MARKER = '.rb-anchor';

export function installHarness(): void {
  const MARKER = '.rb-anchor';
  let batches: string[] = [];
  let added = 0;
  let clickPromise: Promise<ClickResult> | null = null;
  let watchPromise: Promise<WatchResult> | null = null;

  const list = (): Element => {
    const ul = document.querySelector('.msg-thread ul.msg-s-message-list-content');
    if (!ul) throw new Error('bench: no message list');
    return ul;
  };

  const appendBatch = (html: string): void => {
    const template = document.createElement('template');
    template.innerHTML = html;
    list().append(template.content);
  };

  /** The shadow root holding the bar of one message: Reactbar's host, or the naive UI's. */
  const barRoot = (urn: string): ShadowRoot | null => {
    const host = document.querySelector(`reactbar-host[data-reactbar-urn="${CSS.escape(urn)}"]`);
    if (!host) return null;
    return host.shadowRoot ?? host.querySelector('reactbar-naive-bar')?.shadowRoot ?? null;
  };

  const emojiButton = (root: ShadowRoot, emoji: string): HTMLButtonElement | null =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button.rb-emoji')).find(
      (button) => button.textContent === emoji,
    ) ?? null;

  // Reactbar decorates a target by making its host the keyboard's way in (tabindex) and renders
  // the bar when it is used; the naive pattern renders every bar (.rb-anchor) at once.
  const isDecorated = (host: Element): boolean =>
    host.hasAttribute('tabindex') || host.shadowRoot?.querySelector(MARKER) != null;

  // "LinkedIn's" own quick reactions: a click toggles the button, as the real page's code does.
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button.emoji-popular-list__item');
    if (!button) return;
    const pressed = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(pressed));
    button.classList.toggle('emoji-popular-list__item--selected', pressed);
  });

  const api: BenchApi = {
    load(next) {
      batches = next;
      return batches.length;
    },

    clear() {
      batches = [];
    },

    addAll() {
      for (const batch of batches.slice(added)) appendBatch(batch);
      added = batches.length;
      return list().querySelectorAll('[data-event-urn]').length;
    },

    run(options) {
      return new Promise((resolve) => {
        // Live collections; a naive UI may mount out of document order, so when one grows,
        // every host not yet known is picked up wherever it is.
        const trackers = options.hostTags.map((tag) => ({
          live: document.getElementsByTagName(tag),
          length: 0,
        }));
        const known = new WeakSet<Element>();
        const waiting = new Set<Element>();
        let decorated = 0;
        let frames = 0;
        let last = 0;
        let maxFrameGap = 0;
        let start = -1;
        let allAdded = -1;
        const longTasks = { count: 0, total: 0 };
        const observer = new PerformanceObserver((entries) => {
          for (const entry of entries.getEntries()) {
            longTasks.count++;
            longTasks.total += entry.duration;
          }
        });
        try {
          observer.observe({ type: 'longtask' });
        } catch {
          // No Long Tasks API: the figure stays 0.
        }

        const check = (): void => {
          for (const tracker of trackers) {
            const { live } = tracker;
            if (live.length === tracker.length) continue;
            // Hosts arrive at the end of the list: look at the new tail only (a full pass every
            // frame would cost the page O(n²), charged to the extensions). A known host in the
            // tail means one was inserted earlier in the document: then look at them all.
            let outOfOrder = false;
            for (let index = tracker.length; index < live.length; index++) {
              const host = live[index];
              if (!host) continue;
              if (known.has(host)) outOfOrder = true;
              else {
                known.add(host);
                waiting.add(host);
              }
            }
            if (outOfOrder) {
              for (const host of live) {
                if (known.has(host)) continue;
                known.add(host);
                waiting.add(host);
              }
            }
            tracker.length = live.length;
          }
          for (const host of waiting) {
            if (isDecorated(host)) {
              waiting.delete(host);
              decorated++;
            }
          }
        };

        const finish = (timedOut: boolean): void => {
          const done = performance.now();
          requestAnimationFrame(() => {
            setTimeout(() => {
              observer.disconnect();
              resolve({
                start,
                allAdded,
                done,
                end: performance.now(),
                frames,
                maxFrameGap,
                decorated,
                messages: list().querySelectorAll('[data-event-urn]').length,
                timedOut,
                longTasks,
              });
            }, 0);
          });
        };

        const frame = (now: number): void => {
          frames++;
          if (last > 0) maxFrameGap = Math.max(maxFrameGap, now - last);
          last = now;
          if (start < 0) start = performance.now();
          if (added < batches.length) {
            appendBatch(batches[added] ?? '');
            added++;
            if (added === batches.length) allAdded = performance.now();
          }
          let finished: boolean;
          if (trackers.length === 0) {
            finished = added === batches.length;
          } else {
            check();
            finished = decorated >= options.expected;
          }
          if (finished || performance.now() - start > options.timeoutMs) {
            finish(!finished);
            return;
          }
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },

    decoratedCount(hostTags) {
      let count = 0;
      for (const tag of hostTags) {
        for (const host of document.getElementsByTagName(tag)) if (isDecorated(host)) count++;
      }
      return count;
    },

    styleCopies() {
      const known = new Map<CSSStyleSheet, number>();
      const textOf = (sheet: CSSStyleSheet): string => {
        try {
          return Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
        } catch {
          return '';
        }
      };
      let styleElements = 0;
      let cssChars = 0;
      let shadowRoots = 0;
      const visit = (root: Document | ShadowRoot): void => {
        for (const sheet of root.adoptedStyleSheets) {
          if (known.has(sheet)) continue;
          const text = textOf(sheet);
          known.set(sheet, text.includes(MARKER) ? text.length : 0);
        }
        for (const style of root.querySelectorAll('style')) {
          const text = style.textContent ?? '';
          if (!text.includes(MARKER)) continue;
          styleElements++;
          cssChars += text.length;
        }
      };
      visit(document);
      for (const host of document.querySelectorAll('reactbar-host, reactbar-naive-bar')) {
        if (!host.shadowRoot) continue;
        shadowRoots++;
        visit(host.shadowRoot);
      }
      let adoptedSheets = 0;
      for (const chars of known.values()) {
        if (chars === 0) continue;
        adoptedSheets++;
        cssChars += chars;
      }
      return {
        adoptedSheets,
        styleElements,
        copies: adoptedSheets + styleElements,
        cssChars,
        shadowRoots,
      };
    },

    prepareClick(urn) {
      const message = document.querySelector(`[data-event-urn="${CSS.escape(urn)}"]`);
      if (!message) throw new Error(`bench: no message ${urn}`);
      message.scrollIntoView({ block: 'center' });
      const box = message.getBoundingClientRect();
      // Far left (the avatar column), near the top: bars and chips sit at the right and reach
      // 16 px above their own message, so the next message's may lie over this one's bottom.
      return { x: box.left + 20, y: box.top + Math.min(box.height / 2, 12) };
    },

    waitForBar({ urn, emoji, timeoutMs }) {
      const deadline = performance.now() + timeoutMs;
      return new Promise((resolve) => {
        const poll = (): void => {
          const root = barRoot(urn);
          if (root && emojiButton(root, emoji)) resolve(true);
          else if (performance.now() > deadline) resolve(false);
          else requestAnimationFrame(poll);
        };
        poll();
      });
    },

    armClick(arm) {
      let root: ShadowRoot | Element | null;
      let button: HTMLElement | null;
      if (arm.native) {
        root = document.querySelector(`[data-event-urn="${CSS.escape(arm.urn)}"]`);
        button =
          root?.querySelector<HTMLElement>(
            'button.emoji-popular-list__item[aria-label="React with thumbs up"]',
          ) ?? null;
      } else {
        root = barRoot(arm.urn);
        button = root ? emojiButton(root, arm.emoji) : null;
      }
      if (!root || !button) throw new Error(`bench: no ${arm.emoji} button for ${arm.urn}`);
      const box = button.getBoundingClientRect();
      const point = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      // The click must land on the button itself, not on something over it.
      const hit =
        root instanceof ShadowRoot
          ? root.elementFromPoint(point.x, point.y)
          : document.elementFromPoint(point.x, point.y);
      if (!hit || !button.contains(hit)) {
        // Say what is there instead (e.g. another bar's element, through its shadow root).
        let top: Element | null = document.elementFromPoint(point.x, point.y);
        while (top?.shadowRoot) {
          const inner = top.shadowRoot.elementFromPoint(point.x, point.y);
          if (!inner || inner === top) break;
          top = inner;
        }
        const owner = (top?.getRootNode() as ShadowRoot | Document | undefined) ?? document;
        const ownerUrn =
          owner instanceof ShadowRoot
            ? (owner.host.closest('reactbar-host')?.getAttribute('data-reactbar-urn') ?? null)
            : null;
        throw new Error(
          `bench: the ${arm.emoji} button of ${arm.urn} is covered by <${top?.localName ?? '?'} class="${top?.className ?? ''}">${ownerUrn ? ` of ${ownerUrn}` : ''}`,
        );
      }
      const wanted = String(arm.expectPressed);
      clickPromise = new Promise((resolve) => {
        let clickTs = -1;
        let domAt = -1;
        let frames = 0;
        const settle = (ok: boolean, rafAt: number, endAt: number): void => {
          clearTimeout(timer);
          observer.disconnect();
          window.removeEventListener('click', onClick, true);
          resolve({
            ok,
            clickTs,
            clickEpoch: performance.timeOrigin + clickTs,
            domMs: domAt - clickTs,
            rafMs: rafAt - clickTs,
            frameEndMs: endAt - clickTs,
            frames,
          });
        };
        const observer = new MutationObserver(() => {
          if (domAt < 0 && button.getAttribute('aria-pressed') === wanted)
            domAt = performance.now();
        });
        observer.observe(root, {
          attributes: true,
          subtree: true,
          attributeFilter: ['aria-pressed'],
        });
        const timer = setTimeout(() => settle(false, -1, -1), arm.timeoutMs);
        const onFrame = (): void => {
          frames++;
          if (button.getAttribute('aria-pressed') !== wanted) {
            requestAnimationFrame(onFrame);
            return;
          }
          const rafAt = performance.now();
          setTimeout(() => settle(true, rafAt, performance.now()), 0);
        };
        const onClick = (event: MouseEvent): void => {
          window.removeEventListener('click', onClick, true);
          clickTs = event.timeStamp;
          requestAnimationFrame(onFrame);
        };
        window.addEventListener('click', onClick, true);
      });
      return point;
    },

    clickResult() {
      if (!clickPromise) return Promise.reject(new Error('bench: no click armed'));
      return clickPromise;
    },

    watchPressed(arm) {
      const host = document.querySelector(
        `reactbar-host[data-reactbar-urn="${CSS.escape(arm.urn)}"]`,
      );
      if (!host) throw new Error(`bench: no host for ${arm.urn}`);
      const wanted = String(arm.expectPressed);
      // Reactbar renders a bar (and makes its shadow root) only once it has something to show,
      // and takes it away when a removal leaves nothing: watch the host for that (it drops its
      // tabindex in the same frame), and the shadow root once there is one.
      const shows = (): boolean => {
        const root = barRoot(arm.urn);
        const button = root ? emojiButton(root, arm.emoji) : null;
        return button ? button.getAttribute('aria-pressed') === wanted : !arm.expectPressed;
      };
      watchPromise = new Promise((resolve) => {
        let watchedRoot: ShadowRoot | null = null;
        const onChange = (): void => {
          const root = barRoot(arm.urn);
          if (root && root !== watchedRoot) {
            watchedRoot = root;
            observer.observe(root, {
              attributes: true,
              childList: true,
              subtree: true,
              attributeFilter: ['aria-pressed'],
            });
          }
          if (!shows()) return;
          const perfEpoch = performance.timeOrigin + performance.now();
          const dateEpoch = Date.now();
          observer.disconnect();
          clearTimeout(timer);
          resolve({ ok: true, perfEpoch, dateEpoch });
        };
        const observer = new MutationObserver(onChange);
        observer.observe(host, { attributes: true, attributeFilter: ['tabindex'] });
        onChange();
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve({ ok: false, perfEpoch: -1, dateEpoch: -1 });
        }, arm.timeoutMs);
      });
    },

    watchResult() {
      if (!watchPromise) return Promise.reject(new Error('bench: no watch armed'));
      return watchPromise;
    },

    waitConfirmed(arm) {
      const host = document.querySelector(
        `reactbar-host[data-reactbar-urn="${CSS.escape(arm.urn)}"]`,
      );
      if (!host) return Promise.resolve(false);
      const wanted = String(arm.expectPressed);
      // No bar rendered means nothing active and nothing pending on that message. Reactbar
      // renders a message's bar once its UI is loaded and its view arrived: until then, wait.
      const confirmed = () => {
        const root = barRoot(arm.urn);
        const button = root ? emojiButton(root, arm.emoji) : null;
        if (!button) return !arm.expectPressed;
        return (
          button.getAttribute('aria-pressed') === wanted && !button.hasAttribute('data-pending')
        );
      };
      if (confirmed()) return Promise.resolve(true);
      return new Promise((resolve) => {
        let watchedRoot: ShadowRoot | null = null;
        const onChange = () => {
          const root = barRoot(arm.urn);
          if (root && root !== watchedRoot) {
            watchedRoot = root;
            observer.observe(root, {
              attributes: true,
              childList: true,
              subtree: true,
              attributeFilter: ['aria-pressed', 'data-pending'],
            });
          }
          if (!confirmed()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(true);
        };
        const observer = new MutationObserver(onChange);
        // The host drops its tabindex in the task its bar first renders.
        observer.observe(host, { attributes: true, attributeFilter: ['tabindex'] });
        onChange();
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(false);
        }, arm.timeoutMs);
      });
    },

    async waitConfirmedAll(arms) {
      const results = await Promise.all(arms.map((arm) => api.waitConfirmed(arm)));
      return results.filter(Boolean).length;
    },
  };

  (window as unknown as { __bench: BenchApi }).__bench = api;
}

/** The `<script>` text the bench page runs: the harness, plus the helper tsx's build expects. */
export function harnessScript(): string {
  // tsx (esbuild, keepNames) wraps named functions in `__name(fn, "name")`.
  return `var __name = function (fn) { return fn; };\n(${installHarness.toString()})();`;
}
