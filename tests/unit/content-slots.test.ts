/**
 * A target's host is a keyboard stop until its bar renders, labelled by its kind in the
 * browser's language, with the words the background's first answer brings (a frame reading the
 * catalogue itself would pay its synchronous load at startup, in every LinkedIn frame).
 */
import { describe, expect, it, vi } from 'vitest';

const LABELS = {
  message: 'Reactions for this message',
  post: 'Reactions for this post',
  comment: 'Reactions for this comment',
};

function host(kind: string | null): HTMLElement {
  const element = document.createElement('div');
  if (kind) element.setAttribute('data-reactbar-kind', kind);
  return element;
}

describe('keyboard stops', () => {
  it('are labelled by their kind once the words arrive, the ones made before too', async () => {
    // The labels are kept per frame: a fresh module, as a new frame would load it.
    vi.resetModules();
    const { labelKeyboardStops, makeKeyboardStop, removeKeyboardStop } = await import(
      '@/lib/content/slots'
    );
    const early = host('post');
    makeKeyboardStop(early);
    expect(early.tabIndex).toBe(0);
    expect(early.getAttribute('role')).toBe('button');
    expect(early.hasAttribute('aria-label')).toBe(false);
    const notAStop = host('comment');

    labelKeyboardStops(LABELS, [early, notAStop]);
    expect(early.getAttribute('aria-label')).toBe('Reactions for this post');
    expect(notAStop.hasAttribute('aria-label')).toBe(false);

    const later = ['message', 'comment', null].map((kind) => {
      const made = host(kind);
      makeKeyboardStop(made);
      return made.getAttribute('aria-label');
    });
    expect(later).toEqual([
      'Reactions for this message',
      'Reactions for this comment',
      'Reactions for this message',
    ]);
    removeKeyboardStop(early);
    expect(early.hasAttribute('aria-label')).toBe(false);
  });
});
