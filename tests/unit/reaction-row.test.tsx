/** The six LinkedIn reactions on a post or comment: labels, highlight, one tab stop, quiet mode. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ReactionRow, reactionLabel } from '@/components/reactbar/ReactionRow';
import { createContentStore, type Slot } from '@/lib/content/frame-store';
import { barHarness } from './support/bar-harness';
import { setCatalogue } from './support/i18n';

const POST = 'urn:li:activity:7402115930461724672';
const slot: Slot = {
  id: 1,
  target: { kind: 'post', urn: POST },
  host: document.createElement('div'),
};

const bar = barHarness();

function render(store = createContentStore()) {
  act(() => bar.root.render(<ReactionRow slot={slot} store={store} actions={bar.barActions} />));
  return store;
}

const buttons = () => [...bar.container.querySelectorAll<HTMLButtonElement>('button.rb-reaction')];
const labels = () => buttons().map((button) => button.getAttribute('aria-label'));

describe('reaction row', () => {
  it('offers the six reactions in LinkedIn’s order, one tab stop', () => {
    render(createContentStore()).setState({ ready: { linkedin: true } });
    expect(labels()).toEqual([
      'React Like',
      'React Celebrate',
      'React Support',
      'React Love',
      'React Insightful',
      'React Funny',
    ]);
    expect(buttons().map((button) => button.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    expect(buttons().every((button) => button.getAttribute('aria-pressed') === 'false')).toBe(true);
    expect(bar.container.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe(
      'Reactions on this post',
    );
  });

  it('highlights the member’s reaction: it removes, the others switch', () => {
    const store = createContentStore();
    store.setState({
      ready: { linkedin: true },
      views: { [POST]: { urn: POST, active: ['PRAISE'], pending: [] } },
    });
    render(store);
    expect(labels()).toEqual([
      'Switch to Like',
      'Remove your Celebrate reaction',
      'Switch to Support',
      'Switch to Love',
      'Switch to Insightful',
      'Switch to Funny',
    ]);
    expect(buttons().map((button) => button.getAttribute('aria-pressed'))).toEqual([
      'false',
      'true',
      'false',
      'false',
      'false',
      'false',
    ]);
    // The tab stop is the member's reaction.
    expect(buttons()[1]?.tabIndex).toBe(0);
    act(() => buttons()[3]?.click());
    expect(bar.actions.toggle).toHaveBeenLastCalledWith(expect.anything(), slot, 'EMPATHY', true);
    act(() => buttons()[1]?.click());
    expect(bar.actions.toggle).toHaveBeenLastCalledWith(expect.anything(), slot, 'PRAISE', false);
  });

  it('moves with the arrow keys, Home and End, wrapping', () => {
    render(createContentStore()).setState({ ready: { linkedin: true } });
    const toolbar = bar.container.querySelector('[role="toolbar"]') as HTMLElement;
    buttons()[0]?.focus();
    const key = (name: string) =>
      act(() => toolbar.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })));
    key('ArrowLeft');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('React Funny');
    key('Home');
    key('ArrowRight');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('React Celebrate');
    expect(buttons().filter((button) => button.tabIndex === 0)).toHaveLength(1);
    key('End');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('React Funny');
  });

  it('is quiet without a LinkedIn connection, and its notice links to connecting', () => {
    const store = render();
    act(() =>
      store.setState({
        ready: { linkedin: false },
        notices: {
          [POST]: {
            urn: POST,
            code: 'not-connected',
            message: 'Connect LinkedIn to react to posts and comments from here.',
            fixInAccounts: true,
            rolledBack: true,
            shownAt: 0,
          },
        },
      }),
    );
    expect(bar.container.querySelector('.rb-anchor')?.hasAttribute('data-quiet')).toBe(true);
    const link = [...bar.container.querySelectorAll('button')].find(
      (button) => button.textContent === 'Connect LinkedIn',
    );
    expect(link).toBeDefined();
    act(() => link?.click());
    expect(bar.actions.openAccounts).toHaveBeenCalledTimes(1);
  });

  it('labels by the current reaction', () => {
    expect(reactionLabel('LIKE', undefined)).toBe('React Like');
    expect(reactionLabel('LIKE', 'LIKE')).toBe('Remove your Like reaction');
    expect(reactionLabel('EMPATHY', 'LIKE')).toBe('Switch to Love');
  });
});

describe('as whom it reacts, and the connection’s end', () => {
  const toolbar = () => bar.container.querySelector<HTMLElement>('[role="toolbar"]');
  const description = () => {
    const id = toolbar()?.getAttribute('aria-describedby');
    return id ? (bar.container.querySelector(`[id="${id}"]`)?.textContent ?? null) : null;
  };

  it('names the actor in the tooltip and the description, without a marker', () => {
    const store = render();
    act(() =>
      store.setState({
        ready: { linkedin: true },
        linkedInRow: { reactsAs: 'Northwind Labs', warning: null },
      }),
    );
    expect(description()).toBe('Reacts as Northwind Labs.');
    expect(buttons()[0]?.title).toBe('React Like\nReacts as Northwind Labs.');
    expect(buttons()[0]?.getAttribute('aria-label')).toBe('React Like');
    expect(bar.container.querySelector('.rb-warn')).toBeNull();
  });

  it('warns quietly with a marker that opens Accounts', () => {
    const store = render();
    const warning = 'Your LinkedIn connection ends in 5 days: reconnect in Accounts';
    act(() =>
      store.setState({ ready: { linkedin: true }, linkedInRow: { reactsAs: 'you', warning } }),
    );
    expect(description()).toBe(`Reacts as you. ${warning}.`);
    const marker = bar.container.querySelector<HTMLButtonElement>('.rb-warn');
    expect(marker?.getAttribute('aria-label')).toBe(warning);
    act(() => marker?.click());
    expect(bar.actions.openAccounts).toHaveBeenCalledTimes(1);
    // The arrow keys still move among the six reactions only.
    expect(buttons()).toHaveLength(6);
  });

  it('says nothing of it while quiet (not connected)', () => {
    const store = render();
    act(() =>
      store.setState({
        ready: { linkedin: false },
        linkedInRow: { reactsAs: 'you', warning: 'x' },
      }),
    );
    expect(toolbar()?.hasAttribute('aria-describedby')).toBe(false);
    expect(bar.container.querySelector('.rb-warn')).toBeNull();
  });
});

describe('in a browser set to German', () => {
  it('names the reactions, the row, as whom it reacts and the way out in German', () => {
    setCatalogue('de');
    const store = render();
    act(() =>
      store.setState({
        ready: { linkedin: true },
        views: { [POST]: { urn: POST, active: ['LIKE'], pending: [] } },
        // Worded by the background, in the same language.
        linkedInRow: { reactsAs: 'Sie', warning: 'Ihre LinkedIn-Verbindung endet in 1 Tag' },
        notices: {
          [POST]: {
            urn: POST,
            code: 'credential-refused',
            message: 'LinkedIn akzeptiert Ihre Verbindung nicht mehr.',
            fixInAccounts: true,
            rolledBack: true,
            shownAt: 0,
          },
        },
      }),
    );
    expect(labels()).toEqual([
      'Ihre Reaktion „Gefällt mir“ entfernen',
      'Zu „Applaus“ wechseln',
      'Zu „Unterstützung“ wechseln',
      'Zu „Liebe“ wechseln',
      'Zu „Interessant“ wechseln',
      'Zu „Lustig“ wechseln',
    ]);
    expect(reactionLabel('PRAISE', undefined)).toBe('Mit „Applaus“ reagieren');
    const toolbar = bar.container.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('Reaktionen auf diesen Beitrag');
    expect(buttons()[1]?.title).toBe(
      'Zu „Applaus“ wechseln\nReagiert als: Sie. Ihre LinkedIn-Verbindung endet in 1 Tag.',
    );
    const notice = bar.container.querySelector('[role="status"]');
    expect([...(notice?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual([
      'LinkedIn neu verbinden',
      '×',
    ]);
    expect(notice?.querySelector('.rb-dismiss')?.getAttribute('aria-label')).toBe('Schließen');
  });
});
