/**
 * The quick-reaction bar of a message: its labels, and the setup sentence with its button
 * wherever the language puts it, in English and in German.
 */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { MessageBar } from '@/components/reactbar/MessageBar';
import { createContentStore, type Slot } from '@/lib/content/frame-store';
import { barHarness } from './support/bar-harness';
import { setCatalogue } from './support/i18n';

const MESSAGE = 'urn:li:msg_message:(urn:li:fsd_profile:1,2-abc)';
const slot: Slot = {
  id: 1,
  target: { kind: 'message', urn: MESSAGE, conversationUrn: 'urn:li:msg_conversation:1' },
  host: document.createElement('div'),
};

const bar = barHarness();

function render(ready: boolean) {
  const store = createContentStore(['👍', '🎉']);
  store.setState({
    ready: { connectsafely: ready },
    views: { [MESSAGE]: { urn: MESSAGE, active: ['🎉'], pending: [] } },
  });
  act(() => bar.root.render(<MessageBar slot={slot} store={store} actions={bar.barActions} />));
}

const labels = () =>
  [...bar.container.querySelectorAll('[role="toolbar"] button')].map((button) =>
    button.getAttribute('aria-label'),
  );
const setup = () => bar.container.querySelector('.rb-setup');

describe('message bar', () => {
  it('labels its toolbar and buttons', () => {
    render(true);
    expect(bar.container.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe(
      'Quick reactions',
    );
    expect(labels()).toEqual(['React with 👍', 'Remove your 🎉 reaction', 'More reactions']);
  });

  it('says to add a key, the button first in English', () => {
    render(false);
    expect(setup()?.textContent).toBe('Add your ConnectSafely key to react from here.');
    const button = setup()?.querySelector('button');
    expect(setup()?.firstChild).toBe(button);
    expect(button?.textContent).toBe('Add your ConnectSafely key');
    act(() => button?.click());
    expect(bar.actions.openAccounts).toHaveBeenCalledTimes(1);
  });

  it('speaks German in a German browser', () => {
    setCatalogue('de');
    render(true);
    expect(bar.container.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe(
      'Schnellreaktionen',
    );
    expect(labels()).toEqual([
      'Mit 👍 reagieren',
      'Ihre Reaktion 🎉 entfernen',
      'Weitere Reaktionen',
    ]);
    render(false);
    expect(setup()?.textContent).toBe(
      'Fügen Sie Ihren ConnectSafely-Schlüssel hinzu, um von hier aus zu reagieren.',
    );
    expect(setup()?.querySelector('button')?.textContent).toBe(
      'Fügen Sie Ihren ConnectSafely-Schlüssel hinzu',
    );
  });
});
