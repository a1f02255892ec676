/**
 * The frame's targets that can get a bar ("slots"), kept in the store's `slots` map, which
 * changes in place: a new target is idle (nothing rendered), so adding one costs no store update
 * and no React work. Lives in the eager part of the content script: the UI may not be loaded.
 */

import type { TargetKind, TargetRef } from '../reactions/types';
import type { ContentStore, Slot } from './frame-store';

export interface SlotRegistry {
  /** Registers the target whose UI lives in `host` (made a keyboard stop by makeKeyboardStop). */
  add(host: HTMLElement, target: TargetRef): Slot;
  /** Forgets a target that left the page; removals of one task are applied together. */
  remove(slot: Slot): void;
}

/**
 * Each kind's label, in the browser's language, as the background's first answer gives them
 * (see ViewsResponse.hostLabels); until then a stop has no label for a few milliseconds.
 */
let hostLabels: Partial<Record<TargetKind, string>> = {};

function labelOf(host: HTMLElement): string | undefined {
  const kind = (host.getAttribute('data-reactbar-kind') ?? 'message') as TargetKind;
  return hostLabels[kind] ?? hostLabels.message;
}

/**
 * The host is the keyboard's way in to its bar until the bar renders (see ContentUi). Called
 * before the host is placed in the page, where its attributes cost no style invalidation.
 */
export function makeKeyboardStop(host: HTMLElement): void {
  host.tabIndex = 0;
  host.setAttribute('role', 'button');
  const label = labelOf(host);
  if (label) host.setAttribute('aria-label', label);
}

/** The labels arrived: every keyboard stop among `hosts` gets its own, and later ones at once. */
export function labelKeyboardStops(
  labels: Record<TargetKind, string>,
  hosts: Iterable<HTMLElement>,
): void {
  hostLabels = labels;
  for (const host of hosts) {
    const label = labelOf(host);
    if (
      host.getAttribute('role') === 'button' &&
      label &&
      host.getAttribute('aria-label') !== label
    )
      host.setAttribute('aria-label', label);
  }
}

/** A host that is no keyboard stop (its controls are off). */
export function removeKeyboardStop(host: HTMLElement): void {
  host.removeAttribute('tabindex');
  host.removeAttribute('role');
  host.removeAttribute('aria-label');
}

export function createSlotRegistry(
  store: ContentStore,
  /** Told about each removed slot, e.g. so the UI lets go of its shadow root. */
  onRemoved: (slot: Slot) => void = () => {},
): SlotRegistry {
  const slots = store.getState().slots as Map<number, Slot>;
  let nextId = 1;
  let removed = new Set<Slot>();
  let flushQueued = false;

  /** Removals of one scanner batch: one store update, and only if a removed bar mattered. */
  function flushRemovals(): void {
    flushQueued = false;
    const state = store.getState();
    const urns = new Set([...removed].map((slot) => slot.target.urn));
    const ids = new Set([...removed].map((slot) => slot.id));
    for (const id of ids) slots.delete(id);
    removed = new Set();
    // A bar in use that left the page: let go of it, so its portal unmounts.
    const inUse = (['hovered', 'focused', 'pickerFor'] as const).filter((key) => {
      const id = state[key];
      return id !== null && ids.has(id);
    });
    if (inUse.length > 0) store.setState(Object.fromEntries(inUse.map((key) => [key, null])));
    // Forget the state of targets no longer on this page.
    const kept = [...urns].filter((urn) => state.views[urn] || state.notices[urn]);
    if (kept.length === 0) return;
    const shown = new Set([...slots.values()].map((slot) => slot.target.urn));
    const gone = kept.filter((urn) => !shown.has(urn));
    if (gone.length === 0) return;
    const views = { ...state.views };
    const notices = { ...state.notices };
    for (const urn of gone) {
      delete views[urn];
      delete notices[urn];
    }
    store.setState({ views, notices });
  }

  return {
    add(host, target) {
      const slot: Slot = { id: nextId++, target, host };
      slots.set(slot.id, slot);
      return slot;
    },
    remove(slot) {
      onRemoved(slot);
      removed.add(slot);
      if (flushQueued) return;
      flushQueued = true;
      queueMicrotask(flushRemovals);
    },
  };
}
