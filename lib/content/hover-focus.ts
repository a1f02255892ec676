/**
 * Which bar is in use: the one under the pointer and the one with focus, from one listener each
 * for the whole page (focus events leave a shadow root retargeted to its host).
 */
import type { ContentStore, Slot } from './frame-store';

export interface SlotLookup {
  /** The slot of the target whose element holds `node` (e.g. the message under the pointer). */
  slotContaining(node: Node | null): Slot | undefined;
  /** The slot whose host is `element`. */
  slotOfHost(element: Element): Slot | undefined;
}

/** Listens until `signal` aborts (the content script's context was invalidated). */
export function trackHoverAndFocus(
  doc: Document,
  store: ContentStore,
  lookup: SlotLookup,
  signal: AbortSignal,
): void {
  let hovered: Slot | undefined;
  const onPointerOver = (event: PointerEvent) => {
    const slot = lookup.slotContaining(event.target as Node | null);
    if (slot === hovered) return;
    // Shows the bar through CSS (:host([data-hover])) at once, without waiting for React.
    hovered?.host.removeAttribute('data-hover');
    slot?.host.setAttribute('data-hover', '');
    hovered = slot;
    store.setState({ hovered: slot?.id ?? null });
  };
  // The pointer left the page (to the browser's UI, or another frame): nothing here is hovered,
  // so a keyboard shortcut acts on the frame the pointer is in, not on a stale target here.
  const onPointerOut = (event: PointerEvent) => {
    if (event.relatedTarget !== null || hovered === undefined) return;
    hovered.host.removeAttribute('data-hover');
    hovered = undefined;
    store.setState({ hovered: null });
  };
  const onFocusChange = (event: FocusEvent) => {
    const into =
      event.type === 'focusin'
        ? (event.target as Element | null)
        : (event.relatedTarget as Element | null);
    const id = (into && lookup.slotOfHost(into)?.id) ?? null;
    if (store.getState().focused !== id) store.setState({ focused: id });
  };
  doc.addEventListener('pointerover', onPointerOver, { passive: true, signal });
  doc.addEventListener('pointerout', onPointerOut, { passive: true, signal });
  doc.addEventListener('focusin', onFocusChange, { signal });
  doc.addEventListener('focusout', onFocusChange, { signal });
}
