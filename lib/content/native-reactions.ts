/**
 * Follows LinkedIn's own reaction controls after the page loaded: a person's click inside a
 * post or comment (not on our row) has its target's element watched for a while, because
 * LinkedIn updates its control once it applied the reaction, or after a choice in its reactions
 * menu; when what the page shows changes, `changed` hears the new state.
 *
 * Cheap in every frame: one passive capturing click listener, which looks up the clicked
 * target by walking up from the clicked node; a MutationObserver only on a clicked target's
 * element, only for WATCH_MS after its last click, reading its state once per batch of changes.
 */
import { backgroundMessenger, type PageReactionChanged } from '../messaging/protocol';
import { type ContentStore, mergeViews } from './frame-store';
import { type FoundTarget, HOST_TAG } from './scanner';

/** How long after a click on a target its native control is followed. */
export const WATCH_MS = 10_000;

export interface NativeReactionDeps {
  targetContaining(node: Node | null): FoundTarget | undefined;
  /** What LinkedIn's control shows: a type, null for none, undefined when it does not say. */
  pageState(target: FoundTarget): string | null | undefined;
  changed(target: FoundTarget, state: string | null): void;
}

interface Watch {
  observer: MutationObserver;
  timer: ReturnType<typeof setTimeout>;
  /** What the page showed when last read. */
  shown: string | null | undefined;
}

/** The part of a click the watch reads (a test's stand-in for a trusted event). */
export type ClickLike = Pick<Event, 'isTrusted' | 'target'>;

/** Returns the click step, for tests (jsdom cannot make trusted events). */
export function watchNativeReactions(
  doc: Document,
  deps: NativeReactionDeps,
  signal: AbortSignal,
): (event: ClickLike) => void {
  const watches = new Map<FoundTarget, Watch>();

  function end(target: FoundTarget): void {
    const watch = watches.get(target);
    if (!watch) return;
    watch.observer.disconnect();
    clearTimeout(watch.timer);
    watches.delete(target);
  }

  function check(target: FoundTarget): void {
    const watch = watches.get(target);
    if (!watch) return;
    if (!target.element.isConnected) {
      end(target);
      return;
    }
    const state = deps.pageState(target);
    if (state === undefined || state === watch.shown) return;
    watch.shown = state;
    deps.changed(target, state);
  }

  function onClick(event: ClickLike): void {
    // A page script's click changes nothing LinkedIn applied.
    if (!event.isTrusted) return;
    const node = event.target;
    // Our own rows (a click in a shadow root is seen here on its host) send their own requests.
    if (!(node instanceof Element) || node.closest(HOST_TAG)) return;
    const target = deps.targetContaining(node);
    if (!target || target.kind === 'message' || !target.surface.readState) return;
    const existing = watches.get(target);
    if (existing) {
      clearTimeout(existing.timer);
      existing.timer = setTimeout(() => end(target), WATCH_MS);
      return;
    }
    // Read now, in the capturing phase: before LinkedIn's own handler changes anything.
    const shown = deps.pageState(target);
    const observer = new MutationObserver(() => check(target));
    const attributes = target.surface.stateAttributes ?? [];
    observer.observe(target.element, {
      subtree: true,
      childList: true,
      ...(attributes.length > 0 && { attributes: true, attributeFilter: [...attributes] }),
    });
    watches.set(target, { observer, shown, timer: setTimeout(() => end(target), WATCH_MS) });
  }

  doc.addEventListener('click', onClick, { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => {
    for (const target of [...watches.keys()]) end(target);
  });
  return onClick;
}

export interface PageReports {
  /**
   * A change LinkedIn's page shows: with LinkedIn connected, the background hears it (the engine
   * takes it as LinkedIn's newest state and every tab follows); without, the row shows what the
   * page shows, as it does at load. Nothing while the post and comment controls are off.
   */
  report(target: FoundTarget, state: string | null): void;
  /**
   * A new worker: the changes the old one never answered (it died before writing them down)
   * are told again, as the page shows them now.
   */
  resendUnanswered(): void;
}

export function createPageReports(
  store: ContentStore,
  pageState: (target: FoundTarget) => string | null | undefined,
  send: (change: PageReactionChanged) => Promise<void> = (change) =>
    backgroundMessenger.sendMessage('pageReactionChanged', change),
): PageReports {
  /** Per target, the latest change told and not yet answered. */
  const unanswered = new Map<FoundTarget, symbol>();

  function tell(target: FoundTarget, state: string | null): void {
    if (target.kind === 'message') return;
    const told = Symbol(target.urn);
    unanswered.set(target, told);
    send({ target: { kind: target.kind, urn: target.urn }, state }).then(
      () => {
        if (unanswered.get(target) === told) unanswered.delete(target);
      },
      () => undefined,
    );
  }

  return {
    report(target, state) {
      const { ready, postControls } = store.getState();
      if (postControls !== true || target.kind === 'message') return;
      if (ready.linkedin === true) tell(target, state);
      else if (ready.linkedin === false) {
        mergeViews(store, [
          { urn: target.urn, active: state === null ? [] : [state], pending: [] },
        ]);
      }
    },
    resendUnanswered() {
      for (const target of [...unanswered.keys()]) {
        const state = target.element.isConnected ? pageState(target) : undefined;
        if (state === undefined) unanswered.delete(target);
        else tell(target, state);
      }
    },
  };
}
