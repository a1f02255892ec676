/**
 * What a user does, written once for every browser: each scenario gets an ExtensionDriver
 * (Chromium through Playwright, Firefox through puppeteer-core over WebDriver BiDi), one
 * emulator of both APIs, and the fixture pages served as https://www.linkedin.com/…. Runners:
 * tests/firefox/user.test.ts (Vitest, Firefox) and tests/e2e/user-scenarios.spec.ts
 * (Playwright, Chromium). Assertions use node:assert, so no runner's expect is needed.
 */
import assert from 'node:assert/strict';
import type { EmulatorControl } from '../emulator/client';
import type { Emulator } from '../emulator/server';
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import type { ExtensionDriver, Tab } from '../support/driver';
import { click, count, fill, find, hover, type Query, until, waitFor } from './ui';

export interface World {
  driver: ExtensionDriver;
  emulator: Emulator;
  control: EmulatorControl;
}

export interface Scenario {
  name: string;
  run(world: World): Promise<void>;
}

const [FIRST, SECOND, THIRD] = EXPECTED.messaging.initial as [
  ExpectedTarget,
  ExpectedTarget,
  ExpectedTarget,
];
const GEN_A_POST = 'urn:li:activity:7402115930461724672';
const GEN_A_REPLY = 'urn:li:comment:(urn:li:activity:7402140017720651776,7402144311157010432)';

// --- The extension's own pages, as a user fills them ---

/** Fills and saves the options page's Connection section with the emulator's URLs. */
export async function configureConnection({ driver, emulator }: World): Promise<void> {
  const options = await driver.openExtensionPage('options.html');
  await fill(options, { label: 'ConnectSafely API URL' }, emulator.urls.connectSafelyUrl);
  await fill(options, { label: 'Realtime socket URL' }, emulator.urls.socketUrl);
  await fill(options, { label: 'LinkedIn API URL' }, emulator.urls.linkedinUrl);
  await click(options, { role: 'button', name: 'Save' });
  await waitFor(options, { text: 'Saved.', css: 'p, span, output, [role="status"]' });
  await options.close();
}

async function openAccounts(driver: ExtensionDriver): Promise<Tab> {
  const popup = await driver.openExtensionPage('popup.html#accounts');
  await waitFor(popup, { role: 'tab', name: 'Accounts' }, (tab) => {
    return tab.attributes['aria-selected'] === 'true';
  });
  return popup;
}

/** Adds the emulator's ConnectSafely key in the popup's Accounts tab. */
export async function addKey({ driver, emulator }: World): Promise<void> {
  const popup = await openAccounts(driver);
  await fill(popup, { label: 'API key' }, emulator.credentials.connectSafelyKey);
  await click(popup, { role: 'button', name: 'Add key' });
  await until('the key added', async () =>
    (await find(popup, { role: 'status', text: 'added.' })) ? true : undefined,
  );
  await popup.close();
}

/** Pastes the emulator's demo member token in the Accounts tab's LinkedIn section. */
export async function connectLinkedIn({ driver, emulator }: World): Promise<void> {
  const popup = await openAccounts(driver);
  await fill(
    popup,
    { region: 'LinkedIn', label: 'Access token' },
    emulator.credentials.linkedinToken,
  );
  await click(popup, { region: 'LinkedIn', role: 'button', name: 'Connect token' });
  await waitFor(popup, { region: 'LinkedIn', role: 'heading', text: 'Connected as ' });
  await popup.close();
}

// --- Messages ---

const messageBar = (target: ExpectedTarget, name: string): Query => ({
  host: target.urn,
  role: 'button',
  name,
});
const reactWith = (target: ExpectedTarget, emoji: string) =>
  messageBar(target, `React with ${emoji}`);
const removeReaction = (target: ExpectedTarget, emoji: string) =>
  messageBar(target, `Remove your ${emoji} reaction`);

const pressed = (found: { attributes: Record<string, string> }) =>
  found.attributes['aria-pressed'] === 'true' && found.attributes['data-pending'] === undefined;

async function openMessaging(tab: Tab): Promise<void> {
  await tab.goto(FIXTURE_URLS.messaging);
  await hover(tab, { css: `[data-event-urn="${FIRST.urn}"]` });
  await waitFor(tab, reactWith(FIRST, '👍'));
}

async function messageReactions(control: EmulatorControl, target: ExpectedTarget) {
  return control.messageReactions(target.conversationUrn ?? '', target.urn);
}

async function expectMessageReactions(
  control: EmulatorControl,
  target: ExpectedTarget,
  expected: string[],
  timeout?: number,
): Promise<void> {
  await until(
    `${target.urn} holding ${JSON.stringify(expected)} on the emulator`,
    async () => {
      const actual = await messageReactions(control, target);
      return JSON.stringify(actual) === JSON.stringify(expected) ? true : undefined;
    },
    timeout,
  );
}

/** A reaction made elsewhere (another browser, the ConnectSafely app): straight to the API. */
async function reactElsewhere(emulator: Emulator, target: ExpectedTarget, emoji: string) {
  const path =
    `/linkedin/conversations/${encodeURIComponent(target.conversationUrn ?? '')}` +
    `/messages/${encodeURIComponent(target.urn)}/react`;
  const response = await fetch(
    `${emulator.urls.connectSafelyUrl.replace('/linkedin', '')}${path}?accountId=${emulator.credentials.accountId}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${emulator.credentials.connectSafelyKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ emoji, react: true }),
    },
  );
  assert.equal(response.status, 200);
}

async function waitForLiveUpdates(driver: ExtensionDriver): Promise<void> {
  const popup = await openAccounts(driver);
  await waitFor(popup, { text: 'Live updates: connected', css: 'p, div' });
  await popup.close();
}

// --- Posts and comments ---

const rowButton = (urn: string, name: string): Query => ({ host: urn, role: 'button', name });

// --- The scenarios ---

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'connection settings saved on the options page are the ones the background uses',
    async run(world) {
      // configureConnection ran before every scenario; the popup shows what the background holds.
      const popup = await world.driver.openExtensionPage('popup.html');
      await click(popup, { css: 'summary', text: 'Connection' });
      await waitFor(
        popup,
        { css: '[data-testid="status-connectsafely"]' },
        (found) => found.text === world.emulator.urls.connectSafelyUrl,
      );
      await waitFor(
        popup,
        { css: '[data-testid="status-socket"]' },
        (found) => found.text === world.emulator.urls.socketUrl,
      );
      await waitFor(popup, { css: '[data-testid="status-linkedin"]' }, (found) =>
        found.text.startsWith(world.emulator.urls.linkedinUrl),
      );
    },
  },
  {
    name: 'the options page links to the privacy policy, bundled with the extension',
    async run({ driver }) {
      const options = await driver.openExtensionPage('options.html');
      const link = await waitFor(options, { role: 'link', name: 'Privacy policy' });
      assert.equal(link.attributes.href, '/privacy.html');
      const policy = await driver.openExtensionPage('privacy.html');
      await waitFor(policy, { role: 'heading', name: 'Reactbar privacy policy' });
      for (const section of ['What is stored, and where', 'What is sent, and to whom']) {
        await waitFor(policy, { role: 'heading', name: section });
      }
      await waitFor(policy, { css: 'li', text: 'The history: up to 100,000 lines by default' });
    },
  },
  {
    name: 'a ConnectSafely key and a LinkedIn token, added in the popup, are checked with the services',
    async run(world) {
      await addKey(world);
      const [accounts] = await world.control.waitForRequests({ route: 'cs.accounts' }, 1);
      assert.equal(
        accounts?.headers.authorization,
        `Bearer ${world.emulator.credentials.connectSafelyKey}`,
      );
      await waitForLiveUpdates(world.driver);
      await connectLinkedIn(world);
      const [userinfo] = await world.control.waitForRequests({ route: 'li.userinfo' }, 1);
      assert.equal(
        userinfo?.headers.authorization,
        `Bearer ${world.emulator.credentials.linkedinToken}`,
      );
      // Shown masked, never whole.
      const popup = await openAccounts(world.driver);
      await waitFor(popup, { text: 'cs_d…', css: 'li, p, span, div' });
      const html = await popup.evaluate<string>('document.documentElement.outerHTML');
      assert.ok(!html.includes(world.emulator.credentials.connectSafelyKey));
      assert.ok(!html.includes(world.emulator.credentials.linkedinToken));
    },
  },
  {
    name: 'react and unreact on a message send the documented requests',
    async run(world) {
      const { driver, control, emulator } = world;
      await addKey(world);
      const tab = await driver.newTab();
      await openMessaging(tab);
      await click(tab, reactWith(FIRST, '👍'));
      await waitFor(tab, removeReaction(FIRST, '👍'), pressed);
      const [request] = await control.waitForRequests({ route: 'cs.react' }, 1);
      assert.deepEqual(request?.body, { emoji: '👍', react: true });
      assert.deepEqual(request?.query, { accountId: emulator.credentials.accountId });
      await expectMessageReactions(control, FIRST, ['👍']);

      await hover(tab, { css: `[data-event-urn="${FIRST.urn}"]` });
      await click(tab, removeReaction(FIRST, '👍'));
      await waitFor(tab, reactWith(FIRST, '👍'), (found) => {
        return found.attributes['aria-pressed'] === 'false';
      });
      const requests = await control.waitForRequests({ route: 'cs.react' }, 2);
      assert.deepEqual(requests[1]?.body, { emoji: '👍', react: false });
      await expectMessageReactions(control, FIRST, []);
    },
  },
  {
    name: 'react and unreact on a post and on a comment through LinkedIn',
    async run(world) {
      const { driver, control } = world;
      await connectLinkedIn(world);
      const feed = await driver.newTab();
      await feed.goto(FIXTURE_URLS.feed);
      await waitFor(feed, { host: GEN_A_POST, css: '.rb-anchor' }, (found) => {
        return found.attributes['data-quiet'] === undefined;
      });
      await click(feed, rowButton(GEN_A_POST, 'React Like'));
      await waitFor(feed, rowButton(GEN_A_POST, 'Remove your Like reaction'), pressed);
      const [create] = await control.waitForRequests({ route: 'li.create' }, 1);
      assert.deepEqual(create?.body, { root: GEN_A_POST, reactionType: 'LIKE' });
      await click(feed, rowButton(GEN_A_POST, 'Remove your Like reaction'));
      await waitFor(feed, rowButton(GEN_A_POST, 'React Like'), (found) => {
        return found.attributes['aria-pressed'] === 'false';
      });
      await control.waitForRequests({ route: 'li.delete' }, 1);
      await until('the post without reactions', async () =>
        (await control.postReactions(GEN_A_POST)).length === 0 ? true : undefined,
      );

      const post = await driver.newTab();
      await post.goto(FIXTURE_URLS.post);
      // Comments show their row on hover: the pointer on the comment's text.
      await hover(post, { holderOf: GEN_A_REPLY }, { x: 60, y: 10 });
      await click(post, rowButton(GEN_A_REPLY, 'React Insightful'));
      await waitFor(post, rowButton(GEN_A_REPLY, 'Remove your Insightful reaction'), pressed);
      const creates = await control.waitForRequests({ route: 'li.create' }, 2);
      assert.deepEqual(creates[1]?.body, { root: GEN_A_REPLY, reactionType: 'INTEREST' });
      await click(post, rowButton(GEN_A_REPLY, 'Remove your Insightful reaction'));
      await control.waitForRequests({ route: 'li.delete' }, 2);
      await until('the reply without reactions', async () =>
        (await control.postReactions(GEN_A_REPLY)).length === 0 ? true : undefined,
      );
    },
  },
  {
    name: 'two tabs stay in sync, and a reaction made elsewhere arrives in both',
    async run(world) {
      const { driver, emulator } = world;
      await addKey(world);
      await waitForLiveUpdates(driver);
      const a = await driver.newTab();
      const b = await driver.newTab();
      await openMessaging(a);
      await openMessaging(b);
      await click(a, reactWith(FIRST, '❤️'));
      await waitFor(b, removeReaction(FIRST, '❤️'), pressed);

      await reactElsewhere(emulator, SECOND, '🎉');
      await waitFor(a, removeReaction(SECOND, '🎉'));
      await waitFor(b, removeReaction(SECOND, '🎉'));
      await reactElsewhere(emulator, THIRD, '🙏');
      await waitFor(a, removeReaction(THIRD, '🙏'));
      await waitFor(b, removeReaction(THIRD, '🙏'));
      assert.equal(await count(a, `reactbar-host[data-reactbar-urn="${SECOND.urn}"]`), 1);
    },
  },
  {
    name: 'the background restarts mid-request without losing the queued click',
    async run(world) {
      const { driver, control, emulator } = world;
      await addKey(world);
      await control.setLatency(1500, 'cs.react');
      const tab = await driver.newTab();
      await openMessaging(tab);
      await click(tab, reactWith(FIRST, '👍'));
      await control.waitForRequests({ route: 'cs.react' }, 1);
      const before = await backgroundStartedAt(driver);
      await driver.restartBackground(); // mid-flight: the answer never reaches the old background
      await control.setLatency(0, 'cs.react');

      await tab.reload();
      await hover(tab, { css: `[data-event-urn="${FIRST.urn}"]` });
      await waitFor(tab, removeReaction(FIRST, '👍'), pressed, 20_000);
      await expectMessageReactions(control, FIRST, ['👍']);
      assert.notEqual(await backgroundStartedAt(driver), before, 'a new background answered');

      await waitForLiveUpdates(driver);
      await reactElsewhere(emulator, SECOND, '🚀');
      await waitFor(tab, removeReaction(SECOND, '🚀'));
    },
  },
  {
    name: 'the key is readable from neither the content script world nor the page',
    async run(world) {
      const { driver, emulator } = world;
      await addKey(world);
      const key = emulator.credentials.connectSafelyKey;
      const tab = await driver.newTab();
      await openMessaging(tab);

      const contentWorld = await driver.evaluateInContentScript<{
        runtime: string;
        local: string;
        session: string;
        databases: string[];
        html: string;
      }>(
        tab,
        `(async () => ({
          runtime: typeof chrome.runtime.sendMessage,
          local: JSON.stringify(await chrome.storage.local.get(null)),
          // Firefox gives MV2 content scripts no storage.session; Chrome refuses it to them.
          session: chrome.storage.session
            ? await chrome.storage.session.get(null).then(JSON.stringify, (error) => 'refused: ' + error.message)
            : 'not available',
          databases: (await indexedDB.databases()).map((db) => db.name),
          html: document.documentElement.outerHTML,
        }))()`,
      );
      // It is the content script's world (the extension's messaging is there)…
      assert.equal(contentWorld.runtime, 'function');
      // …and the key is in none of what it can read.
      assert.ok(!contentWorld.local.includes(key), 'storage.local');
      assert.ok(!contentWorld.session.includes(key), 'storage.session');
      assert.ok(!contentWorld.databases.includes('reactbar'), 'IndexedDB');
      assert.ok(!contentWorld.html.includes(key), 'the DOM');

      const pageWorld = await tab.evaluate<{ runtime: string; storage: string; shadows: string }>(
        `(() => ({
          runtime: typeof globalThis.chrome?.runtime?.sendMessage,
          storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
          shadows: [...document.querySelectorAll('reactbar-host')]
            .map((host) => host.shadowRoot?.innerHTML ?? '').join(''),
        }))()`,
      );
      assert.equal(pageWorld.runtime, 'undefined');
      assert.ok(!pageWorld.storage.includes(key));
      assert.ok(!pageWorld.shadows.includes(key));
    },
  },
];

/** When the background that answers the popup started (StatusPanel's data attribute). */
async function backgroundStartedAt(driver: ExtensionDriver): Promise<string> {
  const popup = await driver.openExtensionPage('popup.html');
  await click(popup, { css: 'summary', text: 'Connection' });
  const found = await waitFor(popup, { css: '[aria-label="Connection"]' }, (panel) => {
    return Boolean(panel.attributes['data-background-started']);
  });
  await popup.close();
  return found.attributes['data-background-started'] ?? '';
}
