import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, Profiler, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountsOverview, KeySummary } from '@/lib/accounts/types';

// A fake background answering the popup's messages from an in-memory overview.
const background = vi.hoisted(() => ({
  sendMessage: vi.fn<(type: string, data: unknown) => Promise<unknown>>(),
}));
vi.mock('@/lib/messaging/protocol', () => ({
  backgroundMessenger: { sendMessage: background.sendMessage },
  broadcastMessenger: { onMessage: () => () => {} },
}));

const { AccountsTab } = await import('@/components/popup/AccountsTab');
const { RealtimeStatus } = await import('@/components/popup/RealtimeStatus');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function summary(overrides: Partial<KeySummary> = {}): KeySummary {
  return {
    id: 'key-1',
    label: 'Personal',
    maskedKey: 'cs_live…a1b2',
    addedAt: 1,
    checkedAt: 2,
    status: 'valid',
    accounts: [
      {
        id: 'acc-1',
        name: 'Ada Lovelace',
        publicId: 'ada-lovelace',
        status: 'ACTIVE',
        apiSeatAllocated: true,
      },
      {
        id: 'acc-2',
        name: 'Grace Hopper',
        publicId: 'grace-hopper',
        status: 'ACTIVE',
        apiSeatAllocated: false,
      },
    ],
    rateLimit: null,
    realtime: { state: 'connected', since: 1 },
    ...overrides,
  };
}

const REDIRECT_URL = 'https://abcdefghijklmnop.chromiumapp.org/';

let overview: AccountsOverview;
let container: HTMLDivElement;
let root: Root;

/** Answers like the background, unless a test overrides one message with `answer`. */
function serve(answer: Record<string, (data: never) => Promise<unknown>> = {}) {
  background.sendMessage.mockImplementation(async (type: string, data: unknown) => {
    const custom = answer[type];
    if (custom) return custom(data as never);
    switch (type) {
      case 'getAccounts':
        return structuredClone(overview);
      case 'getLinkedIn':
        return {
          connection: null,
          app: null,
          redirectUrl: REDIRECT_URL,
          signIn: { state: 'idle' },
        };
      case 'renameKey': {
        const { keyId, label } = data as { keyId: string; label: string };
        overview.keys = overview.keys.map((k) => (k.id === keyId ? { ...k, label } : k));
        return overview.keys.find((k) => k.id === keyId);
      }
      case 'removeKey': {
        const { keyId } = data as { keyId: string };
        overview.keys = overview.keys.filter((k) => k.id !== keyId);
        return undefined;
      }
      case 'setDefaultAccount':
        overview.defaultAccount = data as { keyId: string; accountId: string };
        return undefined;
      default:
        throw new Error(`unexpected message ${type}`);
    }
  });
}

async function render(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
  });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function waitFor(check: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      check();
      return;
    } catch (error) {
      if (attempt > 50) throw error;
      await settle();
    }
  }
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (element) => element.textContent?.trim().startsWith(name) ?? false,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

function field(label: string): HTMLInputElement {
  const element = [...container.querySelectorAll('label')].find(
    (candidate) => candidate.textContent?.trim().startsWith(label) ?? false,
  );
  const input = element && container.ownerDocument.getElementById(element.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field "${label}"`);
  return input;
}

function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
}

function alerts(): string[] {
  return [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '');
}

beforeEach(() => {
  overview = { keys: [], defaultAccount: null };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  background.sendMessage.mockReset();
  serve();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

describe('Accounts tab without keys', () => {
  it('explains why a key is needed and focuses the key input', async () => {
    await render(<AccountsTab />);
    await waitFor(() => expect(container.textContent).toContain('needs a ConnectSafely API key'));
    expect(document.activeElement).toBe(field('API key'));
  });

  it('masks the key until "Show" is pressed', async () => {
    await render(<AccountsTab />);
    await waitFor(() => field('API key'));
    expect(field('API key').type).toBe('password');
    await click(button('Show'));
    expect(field('API key').type).toBe('text');
    await click(button('Hide'));
    expect(field('API key').type).toBe('password');
  });
});

describe('adding a key', () => {
  it('says "Checking…" while the background checks, then lists the key and clears the form', async () => {
    let finish: (key: KeySummary) => void = () => {};
    serve({
      addKey: () =>
        new Promise((resolve) => {
          finish = (key) => {
            overview.keys = [key];
            resolve(key);
          };
        }),
    });
    await render(<AccountsTab />);
    await waitFor(() => field('API key'));
    type(field('API key'), '  cs_live_secret  ');
    type(field('Name'), 'Work');
    await click(button('Add key'));
    expect(background.sendMessage).toHaveBeenCalledWith('addKey', {
      apiKey: 'cs_live_secret',
      label: 'Work',
    });
    expect(button('Checking…').getAttribute('aria-disabled')).toBe('true');

    await act(async () => finish(summary({ label: 'Work' })));
    await waitFor(() => expect(container.querySelector('h3')?.textContent).toBe('Work'));
    expect(field('API key').value).toBe('');
    expect(field('Name').value).toBe('');
    expect(container.textContent).toContain('cs_live…a1b2');
    expect(alerts()).toEqual([]);
  });

  it('shows the new default account checked from its first paint, never unchecked first', async () => {
    // The background makes the first account of the first key the default; the addKey answer
    // carries the key only, so the popup learns the default from the refetch, which takes a
    // moment, as any message to the worker does.
    const heldRefetches: Array<() => void> = [];
    let holdRefetches = false;
    serve({
      getAccounts: async () => {
        if (holdRefetches) await new Promise<void>((release) => heldRefetches.push(release));
        return structuredClone(overview);
      },
      addKey: async () => {
        overview.keys = [summary()];
        overview.defaultAccount = { keyId: 'key-1', accountId: 'acc-1' };
        holdRefetches = true;
        return summary();
      },
    });
    // What each commit put on screen: the new account's radio, and the "choose one" hint.
    const paints: Array<{ radio: 'absent' | 'checked' | 'unchecked'; hint: boolean }> = [];
    const recordPaint = () => {
      const radio = container.querySelector<HTMLInputElement>('input[value="key-1/acc-1"]');
      paints.push({
        radio: radio ? (radio.checked ? 'checked' : 'unchecked') : 'absent',
        hint: container.textContent?.includes('Choose an account') ?? false,
      });
    };
    await render(
      <Profiler id="accounts" onRender={recordPaint}>
        <AccountsTab />
      </Profiler>,
    );
    await waitFor(() => field('API key'));
    type(field('API key'), 'cs_live_secret');
    await click(button('Add key'));
    await waitFor(() => expect(heldRefetches.length).toBeGreaterThan(0));
    recordPaint();
    await act(async () => {
      for (const release of heldRefetches.splice(0)) release();
    });
    await waitFor(() => expect(field('Ada Lovelace').checked).toBe(true));
    recordPaint();

    expect(paints.filter((paint) => paint.radio === 'unchecked' || paint.hint)).toEqual([]);
    expect(paints.at(-1)).toEqual({ radio: 'checked', hint: false });
  });

  it('leaves the name out when none was typed', async () => {
    serve({ addKey: () => Promise.resolve(summary()) });
    await render(<AccountsTab />);
    await waitFor(() => field('API key'));
    type(field('API key'), 'cs_live_secret');
    await click(button('Add key'));
    expect(background.sendMessage).toHaveBeenCalledWith('addKey', { apiKey: 'cs_live_secret' });
  });

  it("shows the background's refusal in an alert and keeps the typed key", async () => {
    const refusal = 'That key was refused by ConnectSafely (401). Check that you copied all of it.';
    serve({ addKey: () => Promise.reject(new Error(refusal)) });
    await render(<AccountsTab />);
    await waitFor(() => field('API key'));
    type(field('API key'), 'cs_live_typo');
    await click(button('Add key'));
    await waitFor(() => expect(alerts()).toEqual([refusal]));
    expect(field('API key').value).toBe('cs_live_typo');
    expect(field('API key').getAttribute('aria-invalid')).toBe('true');
    expect(button('Add key')).toBeTruthy();
  });

  it('asks for a key instead of sending an empty one', async () => {
    await render(<AccountsTab />);
    await waitFor(() => field('API key'));
    await click(button('Add key'));
    expect(alerts()).toEqual(['Paste your ConnectSafely API key first.']);
    expect(background.sendMessage).not.toHaveBeenCalledWith('addKey', expect.anything());
  });
});

describe('a stored key', () => {
  it('shows its masked key, the refusal, the budget left and the live-update state', async () => {
    const resetAt = new Date(2026, 2, 10, 14, 0).getTime();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 2, 10, 13, 20) });
    overview.keys = [
      summary({
        status: 'invalid',
        error: 'ConnectSafely refused this key (401).',
        rateLimit: { limit: 1000, remaining: 812, resetAt },
        realtime: { state: 'unauthorized' },
      }),
    ];
    await render(<AccountsTab />);
    await waitFor(() => expect(container.textContent).toContain('cs_live…a1b2'));
    const text = container.textContent ?? '';
    expect(text).toContain('Refused: ConnectSafely refused this key (401).');
    expect(text).toContain('812 of 1,000 requests left this hour, resets at 14:00');
    expect(text).toContain('Live updates: key refused');
  });

  it('lists its accounts with public id, status and API seat', async () => {
    overview.keys = [summary()];
    await render(<AccountsTab />);
    await waitFor(() => expect(container.textContent).toContain('Ada Lovelace'));
    const text = container.textContent ?? '';
    expect(text).toContain('ada-lovelace · Active · API seat: yes');
    expect(text).toContain('grace-hopper · Active · API seat: no');
    expect(container.querySelector('legend')?.textContent).toBe('Use for reactions');
  });

  it('renames inline', async () => {
    overview.keys = [summary()];
    await render(<AccountsTab />);
    await waitFor(() => button('Rename'));
    await click(button('Rename'));
    expect(document.activeElement).toBe(field('Name'));
    expect(field('Name').value).toBe('Personal');
    type(field('Name'), 'Side project');
    await click(button('Save'));
    expect(background.sendMessage).toHaveBeenCalledWith('renameKey', {
      keyId: 'key-1',
      label: 'Side project',
    });
    await waitFor(() => expect(container.querySelector('h3')?.textContent).toBe('Side project'));
    expect(document.activeElement).toBe(button('Rename'));
  });

  it('re-checks and shows the fresh status', async () => {
    overview.keys = [summary({ status: 'unchecked' })];
    serve({
      recheckKey: async () => {
        overview.keys = [summary({ status: 'valid' })];
        return summary({ status: 'valid' });
      },
    });
    await render(<AccountsTab />);
    await waitFor(() => expect(container.textContent).toContain('Not checked yet'));
    await click(button('Re-check'));
    expect(background.sendMessage).toHaveBeenCalledWith('recheckKey', { keyId: 'key-1' });
    await waitFor(() => expect(container.textContent).toContain('Valid'));
  });

  it('removes only after the confirmation', async () => {
    overview.keys = [summary(), summary({ id: 'key-2', label: 'Work' })];
    await render(<AccountsTab />);
    await waitFor(() => button('Remove Personal'));
    await click(button('Remove Personal'));
    expect(background.sendMessage).not.toHaveBeenCalledWith('removeKey', expect.anything());
    expect(document.activeElement).toBe(button('Keep it'));

    await click(button('Keep it'));
    expect(container.textContent).not.toContain('Remove this key?');

    await click(button('Remove Personal'));
    await click(button('Remove key'));
    expect(background.sendMessage).toHaveBeenCalledWith('removeKey', { keyId: 'key-1' });
    await waitFor(() =>
      expect([...container.querySelectorAll('li h3')].map((h) => h.textContent)).toEqual(['Work']),
    );
  });

  it('removing the default key shows the account that takes over, never "choose one" first', async () => {
    overview.keys = [summary(), summary({ id: 'key-2', label: 'Work' })];
    overview.defaultAccount = { keyId: 'key-1', accountId: 'acc-1' };
    const heldRefetches: Array<() => void> = [];
    let holdRefetches = false;
    serve({
      getAccounts: async () => {
        if (holdRefetches) await new Promise<void>((release) => heldRefetches.push(release));
        return structuredClone(overview);
      },
      // Like the background: another stored account takes over, so reactions keep working.
      removeKey: async () => {
        overview.keys = overview.keys.filter((key) => key.id !== 'key-1');
        overview.defaultAccount = { keyId: 'key-2', accountId: 'acc-1' };
        holdRefetches = true;
      },
    });
    const hints: boolean[] = [];
    const recordPaint = () =>
      hints.push(container.textContent?.includes('Choose an account') ?? false);
    await render(
      <Profiler id="accounts" onRender={recordPaint}>
        <AccountsTab />
      </Profiler>,
    );
    await waitFor(() => button('Remove Personal'));
    await click(button('Remove Personal'));
    await click(button('Remove key'));
    await waitFor(() => expect(heldRefetches.length).toBeGreaterThan(0));
    recordPaint();
    await act(async () => {
      for (const release of heldRefetches.splice(0)) release();
    });
    await waitFor(() =>
      expect(container.querySelector<HTMLInputElement>('input[value="key-2/acc-1"]')?.checked).toBe(
        true,
      ),
    );
    expect([...container.querySelectorAll('li h3')].map((h) => h.textContent)).toEqual(['Work']);
    expect(hints.filter(Boolean)).toEqual([]);
  });

  it('chooses the default account, and rolls back when the background refuses', async () => {
    overview.keys = [summary()];
    overview.defaultAccount = { keyId: 'key-1', accountId: 'acc-1' };
    await render(<AccountsTab />);
    await waitFor(() => field('Ada Lovelace'));
    expect(field('Ada Lovelace').checked).toBe(true);
    expect(field('Grace Hopper').checked).toBe(false);

    await click(field('Grace Hopper'));
    expect(background.sendMessage).toHaveBeenCalledWith('setDefaultAccount', {
      keyId: 'key-1',
      accountId: 'acc-2',
    });
    await waitFor(() => expect(field('Grace Hopper').checked).toBe(true));

    // The refetch that follows never answers: only the rollback can restore the choice.
    serve({
      setDefaultAccount: () => Promise.reject(new Error('That account is gone.')),
      getAccounts: () => new Promise(() => {}),
    });
    await click(field('Ada Lovelace'));
    await waitFor(() => expect(alerts()).toEqual(['That account is gone.']));
    await waitFor(() => expect(field('Grace Hopper').checked).toBe(true));
    expect(field('Ada Lovelace').checked).toBe(false);
  });
});

describe('RealtimeStatus', () => {
  it('counts down to the next reconnection attempt', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    await act(async () => {
      root.render(<RealtimeStatus realtime={{ state: 'reconnecting', retryAt: 1_012_000 }} />);
    });
    expect(container.textContent).toBe('Live updates: reconnecting in 12 s');
    await act(async () => {
      vi.advanceTimersByTime(3000);
    });
    expect(container.textContent).toBe('Live updates: reconnecting in 9 s');
  });

  it.each([
    [{ state: 'connected', since: 0 } as const, 'Live updates: connected'],
    [{ state: 'offline' } as const, 'Live updates: offline'],
    [{ state: 'connecting' } as const, 'Live updates: connecting…'],
  ])('reads %o as "%s"', async (realtime, text) => {
    await act(async () => root.render(<RealtimeStatus realtime={realtime} />));
    expect(container.textContent).toBe(text);
  });
});

describe('a refresh that fails', () => {
  it('keeps what the member typed in both sections, and says the refresh failed', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await act(async () => {
      root.render(
        <QueryClientProvider client={client}>
          <AccountsTab />
        </QueryClientProvider>,
      );
    });
    await waitFor(() => field('Access token'));
    type(field('API key'), 'cs_live_half_typed');
    type(field('Access token'), 'AQX_half_pasted');

    // The background does not answer one refresh of either overview (a restarting worker)…
    serve({
      getAccounts: () => Promise.reject(new Error('The background is restarting')),
      getLinkedIn: () => Promise.reject(new Error('The background is restarting')),
    });
    await act(async () => {
      await client.refetchQueries();
    });
    await waitFor(() => expect(alerts().join(' ')).toContain('The background is restarting'));
    expect(field('API key').value).toBe('cs_live_half_typed');
    expect(field('Access token').value).toBe('AQX_half_pasted');

    // …and answers the next: nothing typed was lost, and the note goes.
    serve();
    await act(async () => {
      await client.refetchQueries();
    });
    await waitFor(() => expect(alerts()).toEqual([]));
    expect(field('API key').value).toBe('cs_live_half_typed');
    expect(field('Access token').value).toBe('AQX_half_pasted');
  });
});
