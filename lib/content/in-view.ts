/**
 * Which posts are near the viewport: their rows show without hovering, and only theirs, so a
 * feed of 1,000 posts renders a handful of rows. One IntersectionObserver for the frame, on
 * LinkedIn's post elements (our hosts have no height); one store update per batch of changes.
 */
import type { ContentStore, Slot } from './frame-store';

/** Rows render a little before a post scrolls in, so they are there when it arrives. */
const MARGIN = '300px 0px';

export interface PostsInView {
  observe(element: Element, slot: Slot): void;
  unobserve(element: Element): void;
  stop(): void;
}

export function watchPostsInView(store: ContentStore): PostsInView {
  const slotByElement = new WeakMap<Element, Slot>();
  if (typeof IntersectionObserver === 'undefined') {
    return { observe() {}, unobserve() {}, stop() {} };
  }
  const observer = new IntersectionObserver(
    (entries) => {
      const current = store.getState().inView;
      let next: Set<number> | null = null;
      for (const entry of entries) {
        const slot = slotByElement.get(entry.target);
        if (!slot || current.has(slot.id) === entry.isIntersecting) continue;
        next ??= new Set(current);
        if (entry.isIntersecting) next.add(slot.id);
        else next.delete(slot.id);
      }
      if (next) store.setState({ inView: next });
    },
    { rootMargin: MARGIN },
  );
  return {
    observe(element, slot) {
      slotByElement.set(element, slot);
      observer.observe(element);
    },
    unobserve(element) {
      const slot = slotByElement.get(element);
      observer.unobserve(element);
      slotByElement.delete(element);
      if (slot && store.getState().inView.has(slot.id)) {
        const next = new Set(store.getState().inView);
        next.delete(slot.id);
        store.setState({ inView: next });
      }
    },
    stop: () => observer.disconnect(),
  };
}
