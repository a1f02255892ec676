/**
 * The popup's LinkedIn section against a fake background: the two ways to connect, what a
 * connection shows (name read live, how, until when, permissions, as whom), choosing an actor,
 * disconnecting, and the words of each failure.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  LinkedInActorsView,
  LinkedInConnectionSummary,
  LinkedInOverview,
} from '@/lib/messaging/linkedin';

const background = vi.hoisted(() => ({
  sendMessage: vi.fn<(type: string, data: unknown) => Promise<unknown>>(),
}));
vi.mock('@/lib/messaging/protocol', () => ({
  backgroundMessenger: { sendMessage: background.sendMessage },
  broadcastMessenger: { onMessage: () => () => {} },
}));

const { LinkedInSection } = await import('@/components/popup/LinkedInSection');
const { expiryWords, roleWords, scopeWords } = await import('@/components/popup/linkedin-format');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DAY = 86_400_000;
const MAYA = 'urn:li:person:x7Kp2QmZ9a';
const NORTHWIND = 'urn:li:organization:2414183';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

function connection(overrides: Partial<LinkedInConnectionSummary> = {}): LinkedInConnectionSummary {
  return {
    id: 'token-1',
    member: MAYA,
    via: 'sign-in',
    maskedToken: 'AQX7…0bC3',
    addedAt: Date.now() - DAY,
    checkedAt: Date.now(),
    expiresAt: Date.now() + 59 * DAY,
    expiryKnown: true,
    scopes: ['openid', 'profile', 'w_member_social'],
    status: 'valid',
    actor: MAYA,
    ...overrides,
  };
}

const ACTORS: LinkedInActorsView = {
  member: { actor: MAYA, name: 'Maya Lindqvist' },
  pages: [{ urn: NORTHWIND, name: 'Northwind Labs', roles: ['ADMINISTRATOR'] }],
  pagesNote: null,
};

let overview: LinkedInOverview;
let actors: LinkedInActorsView;
let container: HTMLDivElement;
let root: Root;
let announced: string[];

function serve(answer: Record<string, (data: never) => Promise<unknown>> = {}) {
  background.sendMessage.mockImplementation(async (type: string, data: unknown) => {
    const custom = answer[type];
    if (custom) return custom(data as never);
    switch (type) {
      case 'getLinkedIn':
        return structuredClone(overview);
      case 'getLinkedInActors':
        return structuredClone(actors);
      case 'setLinkedInActor':
        if (overview.connection) overview.connection.actor = (data as { actor: string }).actor;
        return undefined;
      case 'disconnectLinkedIn':
        overview.connection = null;
        return undefined;
      default:
        throw new Error(`unexpected message ${type}`);
    }
  });
}

let client: QueryClient;

async function render() {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root.render(
      <QueryClientProvider client={client}>
        <LinkedInSection announce={(message) => announced.push(message)} />
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
      if (attempt > 50) throw error;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
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

function sent(type: string): unknown[] {
  return background.sendMessage.mock.calls
    .filter(([name]) => name === type)
    .map(([, data]) => data);
}

beforeEach(() => {
  overview = { connection: null, app: null, redirectUrl: REDIRECT, signIn: { state: 'idle' } };
  actors = structuredClone(ACTORS);
  announced = [];
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

describe('not connected', () => {
  it('offers both ways, with the redirect URL to copy into the app', async () => {
    await render();
    await waitFor(() => field('Access token'));
    expect(field('Redirect URL for your app').value).toBe(REDIRECT);
    expect(field('Redirect URL for your app').readOnly).toBe(true);
    expect(field('Client secret').type).toBe('password');
    expect(field('Access token').type).toBe('password');
    expect(button('Sign in with LinkedIn')).toBeTruthy();
    expect(button('Connect token')).toBeTruthy();
    expect(sent('getLinkedInActors')).toEqual([]);
  });

  it('sends a pasted token with the days left, after checking what was typed', async () => {
    serve({
      connectLinkedInToken: async () => {
        overview.connection = connection({ via: 'token' });
        return overview.connection;
      },
    });
    await render();
    await waitFor(() => field('Access token'));
    await click(button('Connect token'));
    expect(alerts()).toEqual(['Paste your LinkedIn access token first.']);
    type(field('Access token'), 'short');
    await click(button('Connect token'));
    expect(alerts()).toEqual(['That token is too short']);
    type(field('Access token'), '  AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3  ');
    type(field('Days until it ends'), '90');
    await click(button('Connect token'));
    expect(alerts()).toEqual(['Days left is a whole number from 1 to 60, or empty.']);
    expect(sent('connectLinkedInToken')).toEqual([]);

    type(field('Days until it ends'), '12');
    await click(button('Connect token'));
    expect(sent('connectLinkedInToken')).toEqual([
      { accessToken: 'AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3', daysLeft: 12 },
    ]);
    await waitFor(() => expect(container.textContent).toContain('Connected as Maya Lindqvist'));
    expect(announced).toEqual(['LinkedIn connected (token added).']);
    expect(() => field('Access token')).toThrow();
  });

  it("shows LinkedIn's refusal of a token and keeps what was typed", async () => {
    const words =
      'LinkedIn refused this token: it is wrong, expired or revoked. Make a new one, or sign in with LinkedIn.';
    serve({ connectLinkedInToken: () => Promise.reject(new Error(words)) });
    await render();
    await waitFor(() => field('Access token'));
    type(field('Access token'), 'AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3');
    await click(button('Connect token'));
    await waitFor(() => expect(alerts()).toEqual([words]));
    expect(field('Access token').value).toBe('AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3');
    expect(field('Access token').getAttribute('aria-invalid')).toBe('true');
  });

  it('signs in with the app entered once, and says it waits for LinkedIn meanwhile', async () => {
    let finish: () => void = () => {};
    serve({
      signInWithLinkedIn: () =>
        new Promise((resolve) => {
          finish = () => {
            overview.connection = connection();
            overview.signIn = { state: 'idle' };
            resolve(overview.connection);
          };
        }),
    });
    await render();
    await waitFor(() => field('Client ID'));
    await click(button('Sign in with LinkedIn'));
    expect(alerts()).toEqual(["Enter your app's client id and client secret first."]);
    type(field('Client ID'), ' 78rb4demo2kq9x ');
    type(field('Client secret'), 'WPL_AP1.dEm0Rb7kQ2mZ9aLs.8vT1nY==');
    await click(field('Also react as pages I manage'));
    await click(button('Sign in with LinkedIn'));
    expect(sent('signInWithLinkedIn')).toEqual([
      {
        asPages: true,
        app: { clientId: '78rb4demo2kq9x', clientSecret: 'WPL_AP1.dEm0Rb7kQ2mZ9aLs.8vT1nY==' },
      },
    ]);
    expect(button('Waiting for LinkedIn…').getAttribute('aria-disabled')).toBe('true');
    expect(container.textContent).toContain("Finish in LinkedIn's window");
    // A second press does nothing while the window is open.
    await click(button('Waiting for LinkedIn…'));
    expect(sent('signInWithLinkedIn')).toHaveLength(1);

    await act(async () => finish());
    await waitFor(() => expect(container.textContent).toContain('Connected as Maya Lindqvist'));
    expect(announced).toEqual(['LinkedIn connected (signed in).']);
  });

  it('shows the stored app masked, and how the last sign-in failed (the popup had closed)', async () => {
    overview.app = {
      clientId: '78rb4demo2kq9x',
      maskedSecret: 'WPL_…nY==',
      status: 'refused',
      error: 'LinkedIn refused the client id or secret. Check them in your LinkedIn app.',
    };
    overview.signIn = {
      state: 'failed',
      message: 'Sign-in was cancelled: LinkedIn is not connected.',
      at: 1,
    };
    await render();
    await waitFor(() => expect(container.textContent).toContain('78rb4demo2kq9x'));
    expect(container.textContent).toContain('WPL_…nY==');
    expect(container.textContent).toContain('LinkedIn refused the client id or secret');
    expect(() => field('Client secret')).toThrow();
    expect(alerts()).toEqual(['Sign-in was cancelled: LinkedIn is not connected.']);

    serve({ signInWithLinkedIn: () => new Promise(() => {}) });
    await click(button('Sign in with LinkedIn'));
    expect(sent('signInWithLinkedIn')).toEqual([{ asPages: false }]);
    // The last failure goes once a new sign-in is under way.
    await waitFor(() => expect(alerts()).toEqual([]));

    await click(button('Change app'));
    expect(field('Client secret').value).toBe('');
  });

  it('says a sign-in is under way when the popup opens during one', async () => {
    overview.signIn = { state: 'waiting', since: 1 };
    await render();
    await waitFor(() => expect(button('Waiting for LinkedIn…')).toBeTruthy());
    expect(container.textContent).toContain("Finish in LinkedIn's window");
  });
});

describe('connected', () => {
  it('shows who (read live), how, until when and the granted permissions', async () => {
    overview.connection = connection();
    await render();
    await waitFor(() => expect(container.textContent).toContain('Connected as Maya Lindqvist'));
    const text = container.textContent ?? '';
    expect(text).toContain(MAYA);
    expect(text).toContain('Signed in with LinkedIn');
    expect(text).toContain('AQX7…0bC3');
    expect(text).toMatch(/Ends in 59 days \(/);
    expect(text).toContain('w_member_social: react as you');
    expect(text).toContain('profile: show your name');
    expect(container.querySelector('[role="status"]')).toBeNull();
    // The forms stay closed until "Reconnect LinkedIn".
    expect(() => field('Access token')).toThrow();
    const reconnect = button('Reconnect LinkedIn');
    expect(reconnect.getAttribute('aria-expanded')).toBe('false');
    await click(reconnect);
    expect(reconnect.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(field('Client ID'));
    const controlled = document.getElementById(reconnect.getAttribute('aria-controls') ?? '');
    expect(controlled?.contains(field('Access token'))).toBe(true);
    expect(controlled?.contains(field('Client ID'))).toBe(true);
  });

  it('warns from 7 days before the end, and says when a refused token needs reconnecting', async () => {
    overview.connection = connection({ expiresAt: Date.now() + 3 * DAY - 1000 });
    await render();
    await waitFor(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toContain('Ends in 3 days'),
    );
    expect(container.querySelector('[role="status"]')?.textContent).toContain(
      'reconnect LinkedIn before then',
    );

    act(() => root.unmount());
    root = createRoot(container);
    overview.connection = connection({
      status: 'refused',
      error:
        'LinkedIn no longer accepts this connection (it expired or was revoked). Reconnect LinkedIn.',
    });
    await render();
    await waitFor(() => expect(alerts()[0]).toContain('Reconnect LinkedIn'));
    expect(container.textContent).toContain('Refused by LinkedIn');
  });

  it('chooses whom to react as, and rolls back when the background refuses', async () => {
    overview.connection = connection();
    await render();
    await waitFor(() => field('Northwind Labs'));
    expect(field('Maya Lindqvist').checked).toBe(true);
    expect(container.textContent).toContain('Page · Administrator');
    await click(field('Northwind Labs'));
    expect(field('Northwind Labs').checked).toBe(true);
    expect(sent('setLinkedInActor')).toEqual([{ actor: NORTHWIND }]);
    await waitFor(() => expect(overview.connection?.actor).toBe(NORTHWIND));

    const refusal =
      'LinkedIn does not list you as an administrator or poster of that page, so Reactbar cannot react as it.';
    serve({ setLinkedInActor: () => Promise.reject(new Error(refusal)) });
    await click(field('Maya Lindqvist'));
    await waitFor(() => expect(alerts()).toEqual([refusal]));
    expect(field('Northwind Labs').checked).toBe(true);
  });

  it('keeps the chosen radio while a refetch from before the choice lands', async () => {
    overview.connection = connection();
    let release: () => void = () => {};
    serve({
      setLinkedInActor: ({ actor }: { actor: string }) =>
        new Promise((resolve) => {
          release = () => {
            if (overview.connection) overview.connection.actor = actor;
            resolve(undefined);
          };
        }),
    });
    await render();
    await waitFor(() => field('Northwind Labs'));
    await click(field('Northwind Labs'));
    // A broadcast's refetch, answered before the background stored the choice.
    await act(async () => {
      await client.invalidateQueries({ queryKey: ['popup', 'linkedin'] });
    });
    expect(client.getQueryData<LinkedInOverview>(['popup', 'linkedin'])?.connection?.actor).toBe(
      MAYA,
    );
    // Every render that refetch causes has happened.
    for (let tick = 0; tick < 5; tick++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    }
    expect(field('Northwind Labs').checked).toBe(true);
    await act(async () => release());
    await waitFor(() =>
      expect(client.getQueryData<LinkedInOverview>(['popup', 'linkedin'])?.connection?.actor).toBe(
        NORTHWIND,
      ),
    );
    expect(field('Northwind Labs').checked).toBe(true);
  });

  it('says how to react as a page when LinkedIn lists none, and what failed when it cannot be asked', async () => {
    overview.connection = connection({ actor: 'urn:li:organization:5100421' });
    actors = { ...ACTORS, pages: [], pagesNote: 'To react as a page you manage, sign in again.' };
    await render();
    await waitFor(() => expect(container.textContent).toContain('sign in again'));
    // A page chosen before that LinkedIn no longer lists stays visible, checked.
    expect(field('Page 5100421').checked).toBe(true);

    act(() => root.unmount());
    root = createRoot(container);
    serve({
      getLinkedInActors: () =>
        Promise.reject(
          new Error('LinkedIn could not be reached. Check the connection and try again.'),
        ),
    });
    await render();
    await waitFor(() =>
      expect(alerts()).toEqual([
        'LinkedIn could not be reached. Check the connection and try again.',
      ]),
    );
    expect(container.querySelector('h3')?.textContent).toBe('Connected member');
    expect(button('Ask LinkedIn again')).toBeTruthy();
  });

  it('disconnects only after the confirmation, then offers to connect again', async () => {
    overview.connection = connection();
    await render();
    await waitFor(() => button('Disconnect'));
    await click(button('Disconnect'));
    expect(document.activeElement).toBe(button('Stay connected'));
    await click(button('Stay connected'));
    expect(document.activeElement).toBe(button('Disconnect'));
    expect(sent('disconnectLinkedIn')).toEqual([]);

    await click(button('Disconnect'));
    await click(button('Disconnect LinkedIn'));
    await waitFor(() => field('Access token'));
    expect(sent('disconnectLinkedIn')).toEqual([undefined]);
    expect(announced).toEqual(['LinkedIn disconnected.']);
    expect(document.activeElement?.textContent).toBe('LinkedIn');
  });
});

describe('LinkedIn words', () => {
  const now = Date.UTC(2026, 10, 1, 12);

  it('say until when a connection lasts, and warn from 7 days before the end', () => {
    expect(expiryWords({ expiresAt: now + 30 * DAY, expiryKnown: true }, now)).toMatchObject({
      text: expect.stringMatching(/^Ends in 30 days \(Dec 1, 2026\)$/),
      warn: false,
    });
    expect(expiryWords({ expiresAt: now + 7 * DAY, expiryKnown: true }, now)).toMatchObject({
      when: 'Ends in 7 days (Nov 8, 2026)',
      text: 'Ends in 7 days (Nov 8, 2026): reconnect LinkedIn before then to keep reacting',
      tone: 'warn',
      warn: true,
    });
    expect(expiryWords({ expiresAt: now + DAY / 2, expiryKnown: true }, now).text).toMatch(
      /^Ends in 1 day /,
    );
    expect(expiryWords({ expiresAt: now - 1, expiryKnown: true }, now)).toMatchObject({
      text: expect.stringMatching(/^Expired on /),
      tone: 'bad',
      warn: true,
    });
  });

  it('say the latest end of a token whose end is not known', () => {
    expect(expiryWords({ expiresAt: now + 40 * DAY, expiryKnown: false }, now)).toMatchObject({
      text: 'Ends by Dec 11, 2026 at the latest (LinkedIn tokens last 60 days)',
      warn: false,
    });
    expect(expiryWords({ expiresAt: now + 2 * DAY, expiryKnown: false }, now)).toMatchObject({
      text: expect.stringContaining('at the latest (in 2 days): reconnect LinkedIn before then'),
      warn: true,
    });
    expect(expiryWords({ expiresAt: now - DAY, expiryKnown: false }, now)).toMatchObject({
      when: 'May have ended (LinkedIn tokens last 60 days)',
      text: 'May have ended (LinkedIn tokens last 60 days): reconnect LinkedIn if reactions fail',
      warn: true,
    });
  });

  it('say what each permission is for, and a page’s roles', () => {
    expect(scopeWords('w_organization_social')).toBe('w_organization_social: react as a page');
    expect(scopeWords('email')).toBe('email');
    expect(roleWords(['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER'])).toBe(
      'Administrator, Direct sponsored content poster',
    );
  });
});
