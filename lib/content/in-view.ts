/**
 * Which posts are near the viewport: their rows show without hovering, and only theirs, so a
 * feed of 1,000 posts renders a handful of rows.
 *
 * One IntersectionObserver watches a small window of posts around the viewport (posts in
 * document order are posts in visual order on a feed), sliding as they scroll in: its cost does
 * not grow with the page. (Observing every post costs the browser work for each post in every
 * frame whose layout changed, about 1 ms per post on a feed receiving 1,000; hit-testing the
 * viewport forces a second layout of the whole page.) If the window loses the viewport (a jump
 * far down), it is found again by a binary search on the posts' positions once scrolling stops.
 */
import type { ContentStore, Slot } from './frame-store';

/** Rows render a little before a post scrolls in. */
const MARGIN = '300px 0px';
/** Posts observed beyond the last (first) one in view, each way. */
const AHEAD = 6;
const SETTLED_MS = 150;

interface Post {
  element: Element;
  slot: Slot;
}

export interface PostsInView {
  add(element: Element, slot: Slot): void;
  remove(element: Element): void;
  stop(): void;
}

export function watchPostsInView(doc: Document, store: ContentStore): PostsInView {
  const view = doc.defaultView;
  if (!view || typeof IntersectionObserver === 'undefined') {
    return { add() {}, remove() {}, stop() {} };
  }
  /** Every post, in document order. */
  const posts: Post[] = [];
  const observed = new Set<Element>();
  const visible = new Set<Element>();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      publish();
      slide();
    },
    { rootMargin: MARGIN },
  );

  function indexOf(element: Element): number {
    return posts.findIndex((post) => post.element === element);
  }

  function publish(): void {
    const ids = new Set<number>();
    for (const post of posts) if (visible.has(post.element)) ids.add(post.slot.id);
    const current = store.getState().inView;
    if (ids.size === current.size && [...ids].every((id) => current.has(id))) return;
    store.setState({ inView: ids });
  }

  /** Observes AHEAD posts around those in view (or around `center`), and no others. */
  function slide(center?: number): void {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    posts.forEach((post, index) => {
      if (!visible.has(post.element)) return;
      first = Math.min(first, index);
      last = Math.max(last, index);
    });
    if (first === Number.POSITIVE_INFINITY) {
      if (center === undefined) {
        // Nothing in view among those watched: the start of the page, until scrolling says more.
        if (observed.size > 0) return;
        first = last = 0;
      } else first = last = center;
    }
    const from = Math.max(0, first - AHEAD);
    const to = Math.min(posts.length - 1, last + AHEAD);
    const wanted = new Set(posts.slice(from, to + 1).map((post) => post.element));
    for (const element of observed) {
      if (wanted.has(element)) continue;
      observer.unobserve(element);
      observed.delete(element);
      visible.delete(element);
    }
    for (const element of wanted) {
      if (observed.has(element)) continue;
      observer.observe(element);
      observed.add(element);
    }
  }

  /** After a scroll: if no watched post is near the viewport, find the one that is. */
  function settled(): void {
    settleTimer = undefined;
    if (visible.size > 0 || posts.length === 0) return;
    let low = 0;
    let high = posts.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const rect = posts[middle]?.element.getBoundingClientRect();
      if (rect && rect.bottom < 0) low = middle + 1;
      else high = middle;
    }
    slide(low);
  }

  const onScroll = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settled, SETTLED_MS);
  };
  view.addEventListener('scroll', onScroll, { passive: true, capture: true });

  return {
    add(element, slot) {
      // Usually appended after the last one; else put in its place in document order.
      let at = posts.length;
      while (
        at > 0 &&
        (posts[at - 1]?.element.compareDocumentPosition(element) ?? 0) &
          Node.DOCUMENT_POSITION_PRECEDING
      )
        at--;
      posts.splice(at, 0, { element, slot });
      // Next to a watched post while the window has room (or the first posts): watch it too.
      const previous = posts[at - 1]?.element;
      const next = posts[at + 1]?.element;
      const nearWatched =
        observed.size === 0 ||
        (previous !== undefined && observed.has(previous)) ||
        (next !== undefined && observed.has(next));
      if (nearWatched && observed.size < visible.size + AHEAD * 2 + 1) {
        observer.observe(element);
        observed.add(element);
      }
    },
    remove(element) {
      const index = indexOf(element);
      if (index >= 0) posts.splice(index, 1);
      if (observed.delete(element)) observer.unobserve(element);
      if (visible.delete(element)) publish();
    },
    stop() {
      observer.disconnect();
      view.removeEventListener('scroll', onScroll, { capture: true });
      clearTimeout(settleTimer);
    },
  };
}
