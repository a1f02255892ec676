/**
 * What a keyboard shortcut does in this frame. The browser hears the shortcut (the manifest's
 * `commands`, see lib/shortcuts.ts), the background passes it to every frame of the tab, and the
 * frame whose target is in use acts: the focused bar, else the hovered target.
 */
import { browser } from 'wxt/browser';
import { KINDS, REACTION_TYPES } from '../kinds/registry';
import { broadcastMessenger } from '../messaging/protocol';
import { DEFAULT_QUICK_SET, QUICK_SET_STORAGE_KEY } from '../quick-set-default';
import { quickIndexOf, type ShortcutCommand } from '../shortcut-command';
import type { BarActions, UserEvent } from './actions';
import type { ContentStore, Slot } from './frame-store';

/**
 * A shortcut is a person's key press, heard by the browser itself and passed on by the
 * background: only the extension can send to a content script, never a page.
 */
const SHORTCUT_EVENT: UserEvent = { isTrusted: true };

/** The element with focus, looking into open shadow roots (our picker's search field is one). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Typing in a field: a shortcut's keys belong to the text, not to us. */
export function isTyping(doc: Document): boolean {
  const active = deepActiveElement(doc);
  if (!active) return false;
  if (active instanceof HTMLElement && active.isContentEditable) return true;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  if (active instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      active.type,
    );
  }
  return false;
}

/** The target in use here: the focused bar while this frame has focus, else the hovered one. */
export function slotInUse(store: ContentStore, doc: Document): Slot | undefined {
  const { slots, focused, hovered, postControls } = store.getState();
  const focusedSlot = focused !== null && doc.hasFocus() ? slots.get(focused) : undefined;
  const slot = focusedSlot ?? (hovered !== null ? slots.get(hovered) : undefined);
  // Posts and comments have no controls while the options page has them off.
  if (slot && slot.target.kind !== 'message' && postControls !== true) return undefined;
  return slot;
}

/**
 * The latest message of the thread in use: the conversation of the message in use if any, else
 * the last message shown in this frame.
 */
export function latestMessage(store: ContentStore, inUse: Slot | undefined): Slot | undefined {
  const conversation = inUse?.target.kind === 'message' ? inUse.target.conversationUrn : undefined;
  let latest: Slot | undefined;
  for (const slot of store.getState().slots.values()) {
    const { target } = slot;
    if (target.kind !== 'message' || !slot.host.isConnected) continue;
    if (conversation && target.conversationUrn !== conversation) continue;
    // Later in the page is newer: LinkedIn lists a thread oldest first.
    if (
      !latest ||
      latest.host.compareDocumentPosition(slot.host) & Node.DOCUMENT_POSITION_FOLLOWING
    ) {
      latest = slot;
    }
  }
  return latest;
}

/** The member's quick set, read directly: the bars' UI, which keeps it, may not be loaded yet. */
async function quickSet(store: ContentStore): Promise<readonly string[]> {
  const known = store.getState().quickSet;
  if (known.length > 0) return known;
  const stored = (await browser.storage.local.get(QUICK_SET_STORAGE_KEY))[QUICK_SET_STORAGE_KEY];
  // The background checks each emoji again when it is sent.
  return Array.isArray(stored) &&
    stored.length > 0 &&
    stored.every((item) => typeof item === 'string')
    ? stored
    : DEFAULT_QUICK_SET;
}

/** The n-th quick reaction for this target: the quick set's emoji, or LinkedIn's n-th type. */
async function nthReaction(
  store: ContentStore,
  slot: Slot,
  index: number,
): Promise<string | undefined> {
  if (KINDS[slot.target.kind].model === 'one') return REACTION_TYPES[index];
  return (await quickSet(store))[index];
}

/** Reacts with `value`, or takes it back when it is already the member's: like a click. */
function toggle(actions: BarActions, store: ContentStore, slot: Slot, value: string): boolean {
  const view = store.getState().views[slot.target.urn];
  const active = view?.active.includes(value) ?? false;
  return actions.toggle(SHORTCUT_EVENT, slot, value, !active);
}

/** Puts the keyboard in a post's or comment's row (its host, or its first button once shown). */
function focusBar(slot: Slot): void {
  const firstButton = slot.host.shadowRoot?.querySelector<HTMLElement>('button');
  (firstButton ?? slot.host).focus();
}

/** Acts on one shortcut in this frame; returns whether it did anything. */
export async function applyShortcut(
  command: ShortcutCommand,
  store: ContentStore,
  actions: BarActions,
  doc: Document = document,
): Promise<boolean> {
  if (isTyping(doc)) return false;
  const inUse = slotInUse(store, doc);
  if (command === 'react-latest') {
    // Only the frame the member is in: every frame of the tab hears the shortcut.
    if (!doc.hasFocus()) return false;
    const latest = latestMessage(store, inUse);
    if (!latest) return false;
    const value = await nthReaction(store, latest, 0);
    return value !== undefined && toggle(actions, store, latest, value);
  }
  if (!inUse) return false;
  if (command === 'open-picker') {
    if (inUse.target.kind === 'message') actions.openPicker(SHORTCUT_EVENT, inUse);
    else focusBar(inUse);
    return true;
  }
  const index = quickIndexOf(command);
  if (index === null) return false;
  const value = await nthReaction(store, inUse, index);
  return value !== undefined && toggle(actions, store, inUse, value);
}

/** Acts on the shortcuts the background passes on, until the returned function is called. */
export function listenToShortcuts(store: ContentStore, actions: BarActions): () => void {
  // The answer (whether this frame acted) goes back to the background, which ignores it.
  return broadcastMessenger.onMessage('shortcut', ({ data }) =>
    applyShortcut(data.command, store, actions).catch(() => false),
  );
}
