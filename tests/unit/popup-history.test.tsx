import 'fake-indexeddb/auto';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HistoryTab } from '@/components/popup/HistoryTab';
import { appendHistory, HISTORY_STORES } from '@/lib/db/history';
import { closeDatabaseForTests, DB_NAME, openDatabase } from '@/lib/db/schema';
import type { HistoryEntry } from '@/lib/reactions/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.now();

function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    at: NOW - 5 * 60_000,
    service: 'connectsafely',
    kind: 'message',
    urn: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAB,2-abc)',
    parentUrn: 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-def)',
    value: '👍',
    react: true,
    actor: '0123456789abcdef01234567',
    source: 'own',
    outcome: 'applied',
    link: 'https://www.linkedin.com/messaging/thread/2-def/',
    ...overrides,
  };
}

/** Writes straight to the store the background writes to; the popup reads it back. */
async function store(entries: HistoryEntry[]): Promise<void> {
  const tx = (await openDatabase()).transaction(HISTORY_STORES, 'readwrite');
  await appendHistory(tx, entries);
  await tx.done;
}

// happy-dom lays nothing out: give the scroller a height and each row one, as a browser would.
const descriptors = {
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
};
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'SECTION' ? 440 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'LI' ? 56 : 0;
    },
  });
});
afterAll(() => {
  for (const [name, descriptor] of Object.entries(descriptors)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else Reflect.deleteProperty(HTMLElement.prototype, name);
  }
});

let container: HTMLDivElement;
let root: Root;

beforeEach(async () => {
  closeDatabaseForTests();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  localStorage.clear();
  act(() => root.unmount());
  container.remove();
  closeDatabaseForTests();
});

async function render(): Promise<void> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(
      <QueryClientProvider client={client}>
        <HistoryTab />
      </QueryClientProvider>,
    );
  });
}

async function waitFor(check: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      check();
      return;
    } catch (error) {
      if (attempt > 100) throw error;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
    }
  }
}

/** The lines (day headings are list items too). */
const rows = () =>
  [...container.querySelectorAll('li')].filter((li) => li.querySelector('[data-status]'));
const headings = () => [...container.querySelectorAll('li h3')].map((h) => h.textContent);

describe('History tab', () => {
  it('says how to react when there is nothing yet', async () => {
    await render();
    await waitFor(() =>
      expect(container.textContent).toContain(
        'No reactions yet. Hover a LinkedIn message or post and click a reaction.',
      ),
    );
  });

  it('lists reactions newest first, with what happened and how it went', async () => {
    const linkedin = { service: 'linkedin', actor: 'urn:li:person:abc123' } as const;
    await store([
      entry({ ...linkedin, at: NOW - 3 * 60 * 60_000, kind: 'post', value: 'PRAISE' }),
      entry({ at: NOW - 30_000, source: 'remote', value: '🎉' }),
      entry({
        ...linkedin,
        at: NOW - 10 * 60_000,
        kind: 'comment',
        urn: 'urn:li:comment:(urn:li:activity:1,2)',
        parentUrn: 'urn:li:activity:1',
        value: 'LIKE',
        react: false,
        outcome: 'failed',
        error: 'LinkedIn refused this reaction.',
      }),
      entry({ at: NOW - 20 * 60_000, react: false }),
    ]);
    await render();
    await waitFor(() => expect(rows()).toHaveLength(4));
    const lines = rows().map((row) => row.textContent ?? '');
    expect(lines[0]).toContain('Reacted 🎉 on a message');
    expect(lines[0]).toContain('just now');
    expect(lines[0]).toContain('from another device');
    expect(lines[0]).toContain('Applied');
    expect(lines[1]).toContain('Removed Like from a comment');
    expect(lines[1]).toContain('10 min ago');
    expect(lines[1]).toContain('Failed: LinkedIn refused this reaction.');
    expect(lines[1]).not.toContain('another device');
    expect(lines[2]).toContain('Removed 👍 from a message');
    expect(lines[2]).toContain('Removed');
    expect(rows()[2]?.querySelector('[data-status]')?.getAttribute('data-status')).toBe('removed');
    expect(lines[3]).toContain('Reacted Celebrate on a post');
    expect(container.textContent).toContain('4 reactions, newest first');
  });

  it('links each line to LinkedIn in a new tab', async () => {
    await store([entry()]);
    await render();
    await waitFor(() => expect(rows()).toHaveLength(1));
    const link = container.querySelector('li a');
    expect(link?.getAttribute('href')).toBe('https://www.linkedin.com/messaging/thread/2-def/');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(link?.textContent).toMatch(/^Open/);
  });

  it('offers no link for anything but http(s)', async () => {
    await store([entry({ link: 'javascript:alert(1)' })]);
    await render();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(container.querySelector('li a')).toBeNull();
  });

  it('keeps thousands of lines fast: only the rows in view are in the page', async () => {
    await store(Array.from({ length: 3000 }, (_, index) => entry({ at: NOW - index * 1000 })));
    await render();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(40);
    // More pages to read: the size is not known yet (-1 says so to screen readers).
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('-1');
    expect(rows()[0]?.getAttribute('aria-posinset')).toBe('2');
    // The exact count comes after the first screen.
    await waitFor(() => expect(container.textContent).toContain('3,000 reactions'));
  });

  it('groups lines under their day', async () => {
    const yesterday = new Date(NOW);
    yesterday.setDate(yesterday.getDate() - 1);
    await store([entry({ at: NOW - 1000 }), entry({ at: yesterday.getTime() })]);
    await render();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(headings()).toEqual(['Today', 'Yesterday']);
  });

  it('filters combine, and the filter is still there when the popup opens again', async () => {
    const linkedin = { service: 'linkedin', actor: 'urn:li:person:abc123' } as const;
    await store([
      entry({ ...linkedin, at: NOW - 3000, kind: 'post', value: 'PRAISE' }),
      entry({ ...linkedin, at: NOW - 2000, kind: 'post', value: 'LIKE' }),
      entry({ at: NOW - 1000, value: '🎉' }),
    ]);
    await render();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const select = (label: string) =>
      document.getElementById(
        [...container.querySelectorAll('label')].find((element) => element.textContent === label)
          ?.htmlFor ?? '',
      ) as HTMLSelectElement;
    await act(async () => {
      const kind = select('Kind');
      kind.value = 'post';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    await act(async () => {
      const value = select('Reaction');
      value.value = 'PRAISE';
      value.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toContain('Reacted Celebrate on a post');
    act(() => root.unmount());
    root = createRoot(container);
    await render();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(select('Kind').value).toBe('post');
    expect(select('Reaction').value).toBe('PRAISE');
  });
});
