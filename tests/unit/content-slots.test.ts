/**
 * A target's host is a keyboard stop until its bar renders, labelled by its kind in the
 * browser's language (lib/content/slots.ts reads the catalogue without '#i18n').
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setCatalogue } from './support/i18n';

async function labels(): Promise<(string | null)[]> {
  // The labels are read once per frame: a fresh module, as a new frame would load it.
  vi.resetModules();
  const { makeKeyboardStop, removeKeyboardStop } = await import('@/lib/content/slots');
  return ['message', 'post', 'comment', null].map((kind) => {
    const host = document.createElement('div');
    if (kind) host.setAttribute('data-reactbar-kind', kind);
    makeKeyboardStop(host);
    expect(host.tabIndex).toBe(0);
    expect(host.getAttribute('role')).toBe('button');
    const label = host.getAttribute('aria-label');
    removeKeyboardStop(host);
    expect(host.hasAttribute('aria-label')).toBe(false);
    return label;
  });
}

describe('keyboard stops', () => {
  beforeEach(() => setCatalogue('en'));

  it('are labelled by their kind', async () => {
    expect(await labels()).toEqual([
      'Reactions for this message',
      'Reactions for this post',
      'Reactions for this comment',
      'Reactions for this message',
    ]);
  });

  it('are labelled in German in a German browser', async () => {
    setCatalogue('de');
    expect(await labels()).toEqual([
      'Reaktionen auf diese Nachricht',
      'Reaktionen auf diesen Beitrag',
      'Reaktionen auf diesen Kommentar',
      'Reaktionen auf diese Nachricht',
    ]);
  });
});
