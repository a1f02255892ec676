import { describe, expect, it } from 'vitest';
import type { BackgroundProtocol } from '@/lib/messaging/protocol';
import { classifySender, type SenderLike } from '@/lib/messaging/sender';
import { admit, RefusedMessageError } from '@/lib/messaging/serve';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const OTHER_ID = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';

describe('classifySender', () => {
  it('tells the popup, the options page and LinkedIn frames apart', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe('popup');
    // The bar's "Open Accounts" link opens the popup in a tab of its own.
    expect(
      classifySender({ id: ID, url: `${ORIGIN}/popup.html#accounts`, tab: { id: 4 } }, ID, ORIGIN),
    ).toBe('popup');
    expect(classifySender({ id: ID, url: `${ORIGIN}/options.html` }, ID, ORIGIN)).toBe('options');
    expect(classifySender({ id: ID, url: `${ORIGIN}/options.html?from=popup` }, ID, ORIGIN)).toBe(
      'options',
    );
    expect(
      classifySender({ id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 3 } }, ID, ORIGIN),
    ).toBe('linkedin');
    expect(
      classifySender(
        { id: ID, url: 'https://www.linkedin.com/preload/messaging-overlay/', tab: { id: 3 } },
        ID,
        ORIGIN,
      ),
    ).toBe('linkedin');
  });

  it.each([
    ['another extension', { id: OTHER_ID, url: 'https://www.linkedin.com/feed/', tab: { id: 1 } }],
    ['another origin', { id: ID, url: 'https://evil.example/linkedin.com/', tab: { id: 1 } }],
    [
      'a look-alike host',
      { id: ID, url: 'https://www.linkedin.com.evil.example/', tab: { id: 1 } },
    ],
    ['plain http', { id: ID, url: 'http://www.linkedin.com/feed/', tab: { id: 1 } }],
    ['a LinkedIn URL without a tab', { id: ID, url: 'https://www.linkedin.com/feed/' }],
    ['no URL', { id: ID }],
    ['a malformed URL', { id: ID, url: 'not a url', tab: { id: 1 } }],
    ['another extension’s page', { id: ID, url: `chrome-extension://${OTHER_ID}/popup.html` }],
    [
      'another extension’s options page',
      { id: ID, url: `chrome-extension://${OTHER_ID}/options.html` },
    ],
    [
      'another extension sending from our page’s URL',
      { id: OTHER_ID, url: `${ORIGIN}/options.html` },
    ],
    // Pages of our own origin that are neither the popup nor the options page.
    ['an unknown page of ours', { id: ID, url: `${ORIGIN}/other.html` }],
    ['our origin’s root', { id: ID, url: `${ORIGIN}/` }],
    ['a look-alike options path', { id: ID, url: `${ORIGIN}/options.html.evil` }],
    ['options.html in a folder', { id: ID, url: `${ORIGIN}/evil/options.html` }],
    ['a doubled slash', { id: ID, url: `${ORIGIN}//options.html` }],
    ['another spelling', { id: ID, url: `${ORIGIN}/Options.html` }],
    ['an escaped dot', { id: ID, url: `${ORIGIN}/options%2Ehtml` }],
    ['our host with a port', { id: ID, url: `${ORIGIN}:443/options.html` }],
    ['a LinkedIn path named like our page', { id: ID, url: 'https://evil.example/options.html' }],
  ] satisfies [string, SenderLike][])('refuses %s', (_name, sender) => {
    expect(classifySender(sender, ID, ORIGIN)).toBeNull();
  });
});

describe('the door (admit)', () => {
  const extension = { id: ID, origin: ORIGIN };
  const popup = { id: ID, url: `${ORIGIN}/popup.html` };
  // The popup opened in a tab (as the bar's "Open Accounts" link does) is still the popup.
  const popupInTab = { id: ID, url: `${ORIGIN}/popup.html#accounts`, tab: { id: 9 }, frameId: 0 };
  const options = { id: ID, url: `${ORIGIN}/options.html` };
  const linkedIn = {
    id: ID,
    url: 'https://www.linkedin.com/messaging/',
    tab: { id: 3 },
    frameId: 0,
  };
  const settings = {
    connectSafelyUrl: 'https://api.connectsafely.ai/linkedin',
    socketUrl: 'wss://api.connectsafely.ai/linkedin/ws',
    linkedinUrl: 'https://api.linkedin.com/rest',
    linkedinVersion: '202610',
  };

  function refused<K extends keyof BackgroundProtocol>(
    name: K,
    data: unknown,
    sender: Parameters<typeof admit>[2],
  ): boolean {
    try {
      admit(name, data, sender, extension);
      return false;
    } catch (error) {
      if (error instanceof RefusedMessageError) return true;
      throw error;
    }
  }

  it('takes connection settings from the options page only', () => {
    expect(admit('saveConnection', settings, options, extension).data).toEqual(settings);
    expect(refused('saveConnection', settings, popup)).toBe(true);
    expect(refused('saveConnection', settings, popupInTab)).toBe(true);
    expect(refused('saveConnection', settings, linkedIn)).toBe(true);
  });

  it('manages keys from the popup only', () => {
    const keyId = { keyId: 'key-1' };
    expect(admit('getAccounts', undefined, popupInTab, extension).context.senderKind).toBe('popup');
    expect(admit('removeKey', keyId, popup, extension).data).toEqual(keyId);
    for (const sender of [options, linkedIn]) {
      expect(refused('getAccounts', undefined, sender)).toBe(true);
      expect(refused('addKey', { apiKey: 'cs_live_secret' }, sender)).toBe(true);
      expect(refused('renameKey', { keyId: 'key-1', label: 'x' }, sender)).toBe(true);
      expect(refused('recheckKey', keyId, sender)).toBe(true);
      expect(refused('removeKey', keyId, sender)).toBe(true);
      expect(
        refused(
          'setDefaultAccount',
          { keyId: 'key-1', accountId: '0123456789abcdef01234567' },
          sender,
        ),
      ).toBe(true);
    }
  });

  it('shows the status to both extension pages, and nothing of it to LinkedIn', () => {
    expect(admit('getStatus', undefined, popup, extension).context.senderKind).toBe('popup');
    expect(admit('getStatus', undefined, options, extension).context.senderKind).toBe('options');
    expect(refused('getStatus', undefined, linkedIn)).toBe(true);
  });

  it('takes reactions and view requests from LinkedIn frames only, with their tab and frame', () => {
    const urn =
      'urn:li:msg_message:(urn:li:fsd_profile:ACoAABcDeFg123,2-MTc2NzIyNTYwMDAwMGIxMjM0NS0wMDEmMGYzYzJhMWUtN2I0ZC00YzJhLTllMTEtNWE2YjdjOGQ5ZTBmXzEwMA==)';
    const admitted = admit('getViews', { urns: [urn] }, { ...linkedIn, frameId: 7 }, extension);
    expect(admitted.context).toEqual({ senderKind: 'linkedin', tabId: 3, frameId: 7 });
    expect(refused('getViews', { urns: [urn] }, popup)).toBe(true);
    expect(refused('openAccounts', undefined, options)).toBe(true);
    // The rows' words about the connection: for LinkedIn frames, with nothing to pass.
    expect(admit('getLinkedInRow', undefined, linkedIn, extension).context.senderKind).toBe(
      'linkedin',
    );
    expect(refused('getLinkedInRow', { actor: 'urn:li:person:x' }, linkedIn)).toBe(true);
    expect(refused('getLinkedInRow', undefined, popup)).toBe(true);
    // What LinkedIn's own control shows: a post or comment and one of the six types, or none.
    const change = { target: { kind: 'post', urn: 'urn:li:activity:6666' }, state: 'LIKE' };
    expect(admit('pageReactionChanged', change, linkedIn, extension).data).toEqual(change);
    expect(
      admit('pageReactionChanged', { ...change, state: null }, linkedIn, extension).data,
    ).toEqual({ ...change, state: null });
    expect(refused('pageReactionChanged', change, popup)).toBe(true);
    expect(refused('pageReactionChanged', { ...change, state: 'MAYBE' }, linkedIn)).toBe(true);
    expect(
      refused(
        'pageReactionChanged',
        { target: { kind: 'message', urn, conversationUrn: 'x' }, state: 'LIKE' },
        linkedIn,
      ),
    ).toBe(true);
    expect(admit('openAccounts', undefined, linkedIn, extension).context.senderKind).toBe(
      'linkedin',
    );
  });

  it('manages the LinkedIn connection from the popup only, the secrets in checked shapes', () => {
    const token = { accessToken: 'AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3' };
    const signIn = {
      asPages: true,
      app: { clientId: '78rb4demo2kq9x', clientSecret: 'WPL_AP1.x==' },
    };
    const actor = { actor: 'urn:li:organization:2414183' };
    expect(admit('connectLinkedInToken', token, popupInTab, extension).data).toEqual(token);
    expect(admit('signInWithLinkedIn', signIn, popup, extension).data).toEqual(signIn);
    expect(admit('setLinkedInActor', actor, popup, extension).data).toEqual(actor);
    const all: Array<[keyof BackgroundProtocol, unknown]> = [
      ['getLinkedIn', undefined],
      ['getLinkedInActors', undefined],
      ['connectLinkedInToken', token],
      ['signInWithLinkedIn', signIn],
      ['setLinkedInActor', actor],
      ['disconnectLinkedIn', undefined],
      ['forgetLinkedInApp', undefined],
    ];
    for (const [name, data] of all) {
      expect(admit(name, data, popup, extension).context.senderKind).toBe('popup');
      for (const sender of [options, linkedIn])
        expect(refused(name, data, sender), name).toBe(true);
    }
    // Payloads: trimmed tokens of visible characters, days 1–60, actors a member or a page.
    expect(
      admit('connectLinkedInToken', { accessToken: `  ${token.accessToken}\n` }, popup, extension)
        .data,
    ).toEqual(token);
    expect(refused('connectLinkedInToken', { accessToken: 'has a space in it 0000' }, popup)).toBe(
      true,
    );
    expect(refused('connectLinkedInToken', { accessToken: 'short' }, popup)).toBe(true);
    expect(refused('connectLinkedInToken', { ...token, daysLeft: 0 }, popup)).toBe(true);
    expect(refused('connectLinkedInToken', { ...token, daysLeft: 61 }, popup)).toBe(true);
    expect(refused('connectLinkedInToken', { ...token, daysLeft: 2.5 }, popup)).toBe(true);
    expect(refused('connectLinkedInToken', { ...token, scopes: ['x'] }, popup)).toBe(true);
    expect(refused('signInWithLinkedIn', { asPages: 'yes' }, popup)).toBe(true);
    expect(
      refused(
        'signInWithLinkedIn',
        { asPages: false, app: { clientId: 'a b', clientSecret: 'x' } },
        popup,
      ),
    ).toBe(true);
    expect(refused('setLinkedInActor', { actor: 'urn:li:company:1' }, popup)).toBe(true);
    expect(refused('setLinkedInActor', { actor: 'urn:li:organization:12)' }, popup)).toBe(true);
  });

  it('refuses an allowed sender with a payload that fails its schema', () => {
    expect(
      refused('saveConnection', { ...settings, connectSafelyUrl: 'http://evil.example' }, options),
    ).toBe(true);
  });
});
