import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountsOverview, KeySummary } from '@/lib/accounts/types';
import type { LinkedInOverview } from '@/lib/messaging/linkedin';
import type { HistoryEntry } from '@/lib/reactions/types';

const fakes = vi.hoisted(() => ({
  sendMessage: vi.fn<(type: string, data: unknown) => Promise<unknown>>(),
  readHistoryPage: vi.fn<() => Promise<{ lines: HistoryEntry[]; next: null; total?: number }>>(),
  listeners: new Map<string, (message: { data: unknown }) => unknown>(),
}));
vi.mock('@/lib/messaging/protocol', () => ({
  backgroundMessenger: { sendMessage: fakes.sendMessage },
  broadcastMessenger: {
    // Like @webext-core/messaging: one listener per message name in a context.
    onMessage(type: string, listener: (message: { data: unknown }) => unknown) {
      if (fakes.listeners.has(type)) throw new Error(`a second listener for ${type}`);
      fakes.listeners.set(type, listener);
      return () => fakes.listeners.delete(type);
    },
  },
}));
vi.mock('@/lib/db/history', () => ({
  readHistoryPage: fakes.readHistoryPage,
  pendingLines: async () => [],
  distinctKeys: async () => [],
}));

const { PopupApp } = await import('@/components/PopupApp');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const KEY: KeySummary = {
  id: 'key-1',
  label: 'Personal',
  maskedKey: 'cs_live…a1b2',
  addedAt: 1,
  checkedAt: 2,
  status: 'valid',
  accounts: [],
  rateLimit: null,
  realtime: { state: 'connected', since: 1 },
};

const ENTRY: HistoryEntry = {
  at: Date.now() - 120_000,
  kind: 'message',
  urn: 'urn:li:msg_message:(urn:li:fsd_profile:A,2-b)',
  value: '🚀',
  react: true,
  service: 'connectsafely',
  actor: 'acc-1',
  source: 'own',
  outcome: 'applied',
  link: 'https://www.linkedin.com/messaging/thread/2-c/',
};

let overview: AccountsOverview;
let linkedIn: LinkedInOverview;
let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  overview = { keys: [], defaultAccount: null };
  linkedIn = {
    connection: null,
    app: null,
    redirectUrl: 'https://abcdefghijklmnop.chromiumapp.org/',
    signIn: { state: 'idle' },
  };
  fakes.listeners.clear();
  fakes.sendMessage.mockReset();
  fakes.sendMessage.mockImplementation(async (type) => {
    if (type === 'getAccounts') return structuredClone(overview);
    if (type === 'getLinkedIn') return structuredClone(linkedIn);
    if (type === 'getStatus') {
      return {
        startedAt: 1,
        connection: {
          connectSafelyUrl: 'http://127.0.0.1:4010/linkedin',
          socketUrl: 'ws://127.0.0.1:4010/linkedin/ws',
          linkedinUrl: 'http://127.0.0.1:4010/rest',
          linkedinVersion: '202609',
        },
      };
    }
    throw new Error(`unexpected message ${type}`);
  });
  fakes.readHistoryPage.mockReset();
  fakes.readHistoryPage.mockResolvedValue({ lines: [], next: null, total: 0 });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  history.replaceState(null, '', location.pathname);
});

async function render(): Promise<void> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(
      <StrictMode>
        <QueryClientProvider client={client}>
          <PopupApp />
        </QueryClientProvider>
      </StrictMode>,
    );
  });
}

async function waitFor(check: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      check();
      return;
    } catch (error) {
      if (attempt > 50) throw error;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    }
  }
}

function tab(name: string): HTMLElement {
  const found = [...container.querySelectorAll<HTMLElement>('[role="tab"]')].find(
    (element) => element.textContent === name,
  );
  if (!found) throw new Error(`no tab "${name}"`);
  return found;
}

function selectedTab(): string | null | undefined {
  return container.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
}

function visiblePanel(): HTMLElement | null {
  return container.querySelector('[role="tabpanel"]:not([hidden])');
}

async function broadcast(type: string, data?: unknown): Promise<void> {
  const listener = fakes.listeners.get(type);
  if (!listener) throw new Error(`nobody listens to ${type}`);
  await act(async () => {
    await listener({ data });
  });
}

describe('which tab the popup opens on', () => {
  it('opens on Accounts while no key is stored', async () => {
    await render();
    await waitFor(() => expect(selectedTab()).toBe('Accounts'));
    expect(visiblePanel()?.getAttribute('aria-labelledby')).toBe(tab('Accounts').id);
    expect(visiblePanel()?.textContent).toContain('Add a ConnectSafely API key');
  });

  it('opens on History once a key is stored', async () => {
    overview.keys = [KEY];
    await render();
    await waitFor(() => expect(selectedTab()).toBe('History'));
    await waitFor(() =>
      expect(visiblePanel()?.textContent).toContain('No reactions yet. Hover a LinkedIn message'),
    );
  });

  it('opens on History when LinkedIn alone is connected', async () => {
    linkedIn.connection = {
      id: 'token-1',
      member: 'urn:li:person:x7Kp2QmZ9a',
      via: 'token',
      maskedToken: 'AQX7…0bC3',
      addedAt: 1,
      checkedAt: 1,
      expiresAt: Date.now() + 86_400_000 * 50,
      expiryKnown: false,
      scopes: null,
      status: 'valid',
      actor: 'urn:li:person:x7Kp2QmZ9a',
    };
    await render();
    await waitFor(() => expect(selectedTab()).toBe('History'));
  });

  it('opens on Accounts when the page links to #accounts', async () => {
    overview.keys = [KEY];
    history.replaceState(null, '', '#accounts');
    await render();
    await waitFor(() => expect(selectedTab()).toBe('Accounts'));
  });

  it('stays on Accounts after the first key is added', async () => {
    await render();
    await waitFor(() => expect(selectedTab()).toBe('Accounts'));
    overview.keys = [KEY];
    await broadcast('accountsChanged', {});
    await waitFor(() => expect(visiblePanel()?.textContent).toContain('cs_live…a1b2'));
    expect(selectedTab()).toBe('Accounts');
  });
});

describe('tabs', () => {
  it('switch with the arrow keys, Home and End, moving the focus along', async () => {
    overview.keys = [KEY];
    await render();
    await waitFor(() => expect(selectedTab()).toBe('History'));
    expect(tab('History').tabIndex).toBe(0);
    expect(tab('Accounts').tabIndex).toBe(-1);

    const press = (key: string) =>
      act(() => {
        document.activeElement?.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
        );
      });
    tab('History').focus();
    press('ArrowRight');
    expect(selectedTab()).toBe('Accounts');
    expect(document.activeElement).toBe(tab('Accounts'));
    press('ArrowRight');
    expect(selectedTab()).toBe('History');
    press('ArrowLeft');
    expect(selectedTab()).toBe('Accounts');
    press('Home');
    expect(selectedTab()).toBe('History');
    press('End');
    expect(selectedTab()).toBe('Accounts');
    expect(document.activeElement).toBe(tab('Accounts'));
  });

  it('switch on click', async () => {
    overview.keys = [KEY];
    await render();
    await waitFor(() => expect(selectedTab()).toBe('History'));
    await act(async () => tab('Accounts').click());
    expect(selectedTab()).toBe('Accounts');
    expect(container.querySelectorAll('[role="tabpanel"]:not([hidden])')).toHaveLength(1);
  });
});

describe('broadcasts from the background', () => {
  it('refetch the history on historyChanged', async () => {
    overview.keys = [KEY];
    await render();
    await waitFor(() => expect(visiblePanel()?.textContent).toContain('No reactions yet'));
    fakes.readHistoryPage.mockResolvedValue({ lines: [ENTRY], next: null, total: 1 });
    await broadcast('historyChanged');
    // happy-dom lays nothing out, so the virtual rows stay unrendered: the count tells.
    await waitFor(() => expect(visiblePanel()?.textContent).toContain('1 reaction, newest first'));
    expect(fakes.readHistoryPage).toHaveBeenCalledTimes(2);
  });

  it('apply the realtime states of accountsChanged at once, before the refetch answers', async () => {
    overview.keys = [KEY];
    history.replaceState(null, '', '#accounts');
    await render();
    await waitFor(() => expect(visiblePanel()?.textContent).toContain('Live updates: connected'));
    fakes.sendMessage.mockImplementation(() => new Promise(() => {}));
    await broadcast('accountsChanged', { realtime: { 'key-1': { state: 'offline' } } });
    await waitFor(() => expect(visiblePanel()?.textContent).toContain('Live updates: offline'));
  });
});

it('keeps the connection details in a collapsible footer', async () => {
  overview.keys = [KEY];
  await render();
  const details = container.querySelector('footer details');
  expect(details?.querySelector('summary')?.textContent).toBe('Connection');
  expect(details?.hasAttribute('open')).toBe(false);
  await waitFor(() =>
    expect(container.querySelector('[data-testid="status-connectsafely"]')?.textContent).toBe(
      'http://127.0.0.1:4010/linkedin',
    ),
  );
});
