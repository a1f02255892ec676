/**
 * The content script's state, one store per frame: which targets have UI, the user's
 * reactions on them, notices, and the quick set. React renders from it through one root.
 */
import { createStore } from 'zustand/vanilla';
import { KINDS } from '../kinds/registry';
import type { LinkedInRowInfo } from '../messaging/linkedin';
import type { Readiness } from '../messaging/protocol';
import type { Notice, TargetRef, TargetView } from '../reactions/types';

export interface Slot {
  id: number;
  target: TargetRef;
  /** Our host element: focusable itself (the keyboard's way in) until its bar renders. */
  host: HTMLElement;
}

/** A notice on a bar, with the time it was shown. */
export interface ShownNotice extends Notice {
  /** Date.now() when it arrived. */
  shownAt: number;
  /** It has outlived the accounts reset its own refusal caused (see content/broadcasts.ts). */
  outlivedOwnReset?: true;
}

export interface ContentState {
  slots: ReadonlyMap<number, Slot>;
  views: Readonly<Record<string, TargetView>>;
  notices: Readonly<Record<string, ShownNotice>>;
  /**
   * Per service, whether it can react; a service is missing until the background answered (no
   * "add a key" flash on load).
   */
  ready: Readiness;
  /**
   * As whom the post and comment rows react and a warning before the connection ends (see
   * content/linkedin-row.ts); null: not connected; undefined until the background answered.
   */
  linkedInRow: LinkedInRowInfo | null | undefined;
  /** Post and comment controls are on (the options page's switch); null until read. */
  postControls: boolean | null;
  /** Post slots near the viewport: their rows show without hovering. */
  inView: ReadonlySet<number>;
  /** The emoji on every bar, in order; set by the UI when it loads (it is the UI's concern). */
  quickSet: readonly string[];
  /** The slot under the pointer, the one with focus, the one whose picker is open. */
  hovered: number | null;
  focused: number | null;
  pickerFor: number | null;
}

export const EMPTY_VIEW: Omit<TargetView, 'urn'> = { active: [], pending: [] };

export function createContentStore(quickSet: readonly string[] = []) {
  return createStore<ContentState>()(() => ({
    slots: new Map(),
    views: {},
    notices: {},
    ready: {},
    linkedInRow: undefined,
    postControls: null,
    inView: new Set(),
    quickSet,
    hovered: null,
    focused: null,
    pickerFor: null,
  }));
}

export type ContentStore = ReturnType<typeof createContentStore>;

/**
 * Takes the background's views. A target with nothing on it needs no entry (the common case
 * on a long thread), so those cost no copy and no store update unless they clear one.
 */
export function mergeViews(
  store: ContentStore,
  views: readonly TargetView[],
  ready?: Readiness,
): void {
  const current = store.getState().views;
  const changed = views.filter(
    (view) => current[view.urn] !== undefined || view.active.length > 0 || view.pending.length > 0,
  );
  const nextReady = ready && mergeReadiness(store.getState().ready, ready);
  if (changed.length === 0) {
    if (nextReady) store.setState({ ready: nextReady });
    return;
  }
  const next = { ...current };
  for (const view of changed) {
    if (view.active.length > 0 || view.pending.length > 0) next[view.urn] = view;
    else delete next[view.urn];
  }
  store.setState(nextReady ? { views: next, ready: nextReady } : { views: next });
}

/** The readiness after `known` (the services it names); null when nothing changes. */
export function mergeReadiness(current: Readiness, known: Readiness): Readiness | null {
  const entries = Object.entries(known) as [keyof Readiness, boolean][];
  if (entries.every(([service, ready]) => current[service] === ready)) return null;
  return { ...current, ...known };
}

export function setNotice(
  store: ContentStore,
  notice: Notice | null,
  urn: string,
  now = Date.now(),
): void {
  const next = { ...store.getState().notices };
  if (notice) next[urn] = { ...notice, shownAt: now };
  else delete next[urn];
  store.setState({ notices: next });
}

/**
 * The slots whose bar React renders: the one in use (hovered, focused, picker open), those with
 * something to show (the user's reactions, a pending click, a notice), and posts near the
 * viewport (their row shows without hovering, once their service's readiness is known). Every
 * other target costs no React work and no layout: that is what keeps a 1,000-target page fast.
 * Posts and comments render nothing while the options page has their controls off.
 */
export function renderedSlotIds(state: ContentState): number[] {
  const ids: number[] = [];
  const linkedInKnown = state.ready.linkedin !== undefined;
  for (const slot of state.slots.values()) {
    const { kind, urn } = slot.target;
    if (kind !== 'message' && state.postControls !== true) continue;
    const view = state.views[urn];
    if (
      slot.id === state.hovered ||
      slot.id === state.focused ||
      slot.id === state.pickerFor ||
      state.notices[urn] !== undefined ||
      (view !== undefined && (view.active.length > 0 || view.pending.length > 0)) ||
      (kind === 'post' && linkedInKnown && state.inView.has(slot.id))
    ) {
      ids.push(slot.id);
    }
  }
  return ids;
}

/** A readiness answer that speaks for every service: one it leaves out cannot react. */
export function completeReadiness(ready: Readiness): Readiness {
  const complete: Readiness = {};
  for (const { service } of Object.values(KINDS)) complete[service] = ready[service] === true;
  return complete;
}
