/**
 * The content script's state, one store per frame: which targets have UI, the user's
 * reactions on them, notices, and the quick set. React renders from it through one root.
 */
import { createStore } from 'zustand/vanilla';
import type { Notice, TargetRef, TargetView } from '../reactions/types';

export interface Slot {
  id: number;
  target: TargetRef;
  host: HTMLElement;
  root: ShadowRoot;
}

export interface ContentState {
  slots: ReadonlyMap<number, Slot>;
  views: Readonly<Record<string, TargetView>>;
  notices: Readonly<Record<string, Notice>>;
  /** Null until the background answered: no "add a key" flash on load. */
  ready: boolean | null;
  quickSet: readonly string[];
}

export const EMPTY_VIEW: Omit<TargetView, 'urn'> = { active: [], pending: [] };

export function createContentStore(quickSet: readonly string[]) {
  return createStore<ContentState>()(() => ({
    slots: new Map(),
    views: {},
    notices: {},
    ready: null,
    quickSet,
  }));
}

export type ContentStore = ReturnType<typeof createContentStore>;

export function mergeViews(store: ContentStore, views: readonly TargetView[]): void {
  if (views.length === 0) return;
  const next = { ...store.getState().views };
  for (const view of views) next[view.urn] = view;
  store.setState({ views: next });
}

export function setNotice(store: ContentStore, notice: Notice | null, urn: string): void {
  const next = { ...store.getState().notices };
  if (notice) next[urn] = notice;
  else delete next[urn];
  store.setState({ notices: next });
}
