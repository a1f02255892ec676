/**
 * The content script, in every LinkedIn frame: finds targets, gives messages, posts and comments
 * their bars, and keeps the bars in step with the background's broadcasts. This part runs at load
 * and stays small; the bars' UI is loaded when the first bar is wanted (see ui-loader.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ALL_SURFACES } from '../kinds/surfaces';
import { loadPostControls, watchPostControls } from '../post-controls';
import type { TargetRef } from '../reactions/types';
import { createBarActions } from './actions';
import { listenToBroadcasts } from './broadcasts';
import { createContentStore, type Slot } from './frame-store';
import { trackHoverAndFocus } from './hover-focus';
import { watchPostsInView } from './in-view';
import { watchLinkedInRow } from './linkedin-row';
import { createPageReports, watchNativeReactions } from './native-reactions';
import { type FoundTarget, startScanner } from './scanner';
import { listenToShortcuts } from './shortcuts';
import {
  createSlotRegistry,
  labelKeyboardStops,
  makeKeyboardStop,
  removeKeyboardStop,
} from './slots';
import { watchLinkedInTheme } from './theme';
import { type ContentUi, type LoadContentUi, loadUiWhenWanted } from './ui-loader';
import { createViewRequester } from './view-requests';

/** What the background reacts to for a target found on the page; null when it cannot. */
function targetRef(target: FoundTarget): TargetRef | null {
  if (target.kind === 'message') {
    return target.conversationUrn
      ? { kind: 'message', urn: target.urn, conversationUrn: target.conversationUrn }
      : null;
  }
  return { kind: target.kind, urn: target.urn };
}

export function startContentScript(ctx: ContentScriptContext, loadUi: LoadContentUi): void {
  const store = createContentStore();
  const actions = createBarActions(store);
  let ui: ContentUi | null = null;
  let stopTheme = () => {};
  const slots = createSlotRegistry(store, (slot) => ui?.forgetSlot(slot));
  const slotsByHost = new WeakMap<Element, Slot>();
  /** The target each URN stands for here, to read what LinkedIn's page shows on it. */
  const targetsByUrn = new Map<string, FoundTarget>();
  const inView = watchPostsInView(document, store);
  const rowInfo = watchLinkedInRow(store);
  // Page states are read when the request leaves (after the scanner's first pass).
  let labelled = false;
  const views = createViewRequester(
    store,
    (urn) => {
      const target = targetsByUrn.get(urn);
      return target ? scanner.pageState(target) : undefined;
    },
    (labels) => {
      if (labelled) return;
      labelled = true;
      labelKeyboardStops(
        labels,
        [...store.getState().slots.values()].map((slot) => slot.host),
      );
    },
  );

  const scanner = startScanner(document, ALL_SURFACES, {
    prepareHost(host, info) {
      // Messages always; posts and comments unless their controls are off.
      if (
        info.kind === 'message' ? !!info.conversationUrn : store.getState().postControls !== false
      )
        makeKeyboardStop(host);
    },
    added(target) {
      const ref = targetRef(target);
      if (!ref) return;
      const slot = slots.add(target.host, ref);
      slotsByHost.set(target.host, slot);
      targetsByUrn.set(target.urn, target);
      if (target.kind === 'post') inView.add(target.element, slot);
      if (target.kind !== 'message') rowInfo.rowFound();
      views.request(target.urn);
    },
    removed(target) {
      const slot = slotsByHost.get(target.host);
      if (slot) slots.remove(slot);
      if (targetsByUrn.get(target.urn) === target) targetsByUrn.delete(target.urn);
      if (target.kind === 'post') inView.remove(target.element);
    },
  });

  /** The options page's switch, live: hosts stop (or start) being keyboard stops. */
  function setPostControls(on: boolean): void {
    if (store.getState().postControls === on) return;
    store.setState({ postControls: on });
    // Off: no bar renders (see renderedSlotIds), so none is a stop of its own either.
    for (const slot of store.getState().slots.values()) {
      if (slot.target.kind === 'message') continue;
      if (on) makeKeyboardStop(slot.host);
      else removeKeyboardStop(slot.host);
    }
  }
  loadPostControls().then(setPostControls, () => setPostControls(true));
  const stopWatchingSwitch = watchPostControls(setPostControls);

  trackHoverAndFocus(
    document,
    store,
    {
      slotContaining: (node) => {
        const host = scanner.targetContaining(node)?.host;
        return host ? slotsByHost.get(host) : undefined;
      },
      slotOfHost: (element) => slotsByHost.get(element),
    },
    ctx.signal,
  );
  // A click on LinkedIn's own reaction control: the rows (here and in other tabs) follow.
  const pageReports = createPageReports(store, (target) => scanner.pageState(target));
  watchNativeReactions(
    document,
    {
      targetContaining: (node) => scanner.targetContaining(node),
      pageState: (target) => scanner.pageState(target),
      changed: (target, state) => pageReports.report(target, state),
    },
    ctx.signal,
  );
  const stopLoading = loadUiWhenWanted(store, loadUi, async (module) => {
    const mounting = module.mountContentUi(store, actions);
    // While the UI reads what it shows; before its first render, so that a dark page never
    // shows a light bar.
    stopTheme = watchLinkedInTheme(document, module.setDarkTheme);
    const mounted = await mounting;
    if (ctx.isInvalid) mounted.unmount();
    else ui = mounted;
  });
  const stopListening = listenToBroadcasts(store, views, () => pageReports.resendUnanswered());
  const stopShortcuts = listenToShortcuts(store, actions);

  ctx.onInvalidated(() => {
    stopLoading();
    stopTheme();
    stopListening();
    stopShortcuts();
    rowInfo.stop();
    stopWatchingSwitch();
    inView.stop();
    scanner.stop();
    ui?.unmount();
  });
}
