/**
 * The reaction history as a member uses it: the real extension, its own IndexedDB, the
 * emulator. Undo goes through the engine like a click, so the emulator and the LinkedIn page
 * agree afterwards; filters, export and clearing read and write the real store.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { connectLinkedInThroughPopup } from '../support/browser';
import { type SeedLine, seed } from '../support/history-seed';
import { expect, test } from './fixtures';

const [FIRST] = EXPECTED.messaging.initial as [ExpectedTarget];
const POST = 'urn:li:activity:7402115930461724672';

function historyUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/history.html`;
}

async function openHistory(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(historyUrl(extensionId));
  await expect(page.getByTestId('history-summary')).not.toHaveText(/Loading/);
  return page;
}

/** The history's lines (day headings aside). */
function lines(page: Page): Locator {
  return page.getByTestId('history-list').locator('li:has([data-status])');
}

function lineSaying(page: Page, words: string): Locator {
  return lines(page).filter({ has: page.getByText(words, { exact: true }) });
}

async function storedLines(page: Page): Promise<SeedLine[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reactbar');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<SeedLine[]>((resolve, reject) => {
      const request = db.transaction('history').objectStore('history').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  });
}

const NOW = Date.now();
const PERSON = 'urn:li:person:demo';
function seedLine(overrides: Partial<SeedLine>): SeedLine {
  return {
    at: NOW - 60_000,
    service: 'linkedin',
    kind: 'post',
    urn: POST,
    value: 'LIKE',
    react: true,
    actor: PERSON,
    source: 'own',
    outcome: 'applied',
    link: `https://www.linkedin.com/feed/update/${POST}/`,
    ...overrides,
  };
}

const SEEDED: SeedLine[] = [
  seedLine({ at: NOW - 5 * 60_000, value: 'PRAISE' }),
  seedLine({ at: NOW - 4 * 60_000, value: 'LIKE', react: false }),
  seedLine({
    at: NOW - 3 * 60_000,
    kind: 'comment',
    urn: `urn:li:comment:(${POST},7402144311157010432)`,
    parentUrn: POST,
    value: 'EMPATHY',
    outcome: 'failed',
    error: 'LinkedIn refused this reaction, "twice", then gave up',
  }),
  seedLine({
    at: NOW - 2 * 60_000,
    service: 'connectsafely',
    kind: 'message',
    urn: FIRST.urn,
    parentUrn: FIRST.conversationUrn,
    value: '🎉',
    actor: '65f1c0ffee0123456789abcd',
    source: 'remote',
    link: 'https://www.linkedin.com/messaging/thread/2-abc/',
  }),
];

/**
 * The day heading over the newest seeded line. The lines are minutes old, so just after
 * midnight they all belong to yesterday (a CI run at 00:02 saw no "Today").
 */
function dayOfNewestSeeded(): 'Today' | 'Yesterday' {
  const newest = new Date(Math.max(...SEEDED.map((line) => line.at)));
  return newest.toDateString() === new Date().toDateString() ? 'Today' : 'Yesterday';
}

test('filters combine, search narrows, and the filter is there when the page opens again', async ({
  context,
  extensionId,
}) => {
  const page = await openHistory(context, extensionId);
  await seed(page, SEEDED);
  await page.reload();
  await expect(lines(page)).toHaveCount(4);
  await expect(page.getByTestId('history-summary')).toHaveText('4 reactions, newest first');
  await expect(page.getByRole('heading', { name: dayOfNewestSeeded() })).toBeVisible();

  await page.getByLabel('Kind', { exact: true }).selectOption('post');
  await expect(lines(page)).toHaveCount(2);
  await page.getByLabel('Outcome', { exact: true }).selectOption('removed');
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page)).toContainText('Removed Like from a post');
  await page.getByLabel('Outcome', { exact: true }).selectOption('');
  await page.getByLabel('Search reactions').fill('celebrate');
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page)).toContainText('Reacted Celebrate on a post');

  await page.reload();
  await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('post');
  await expect(page.getByLabel('Search reactions')).toHaveValue('celebrate');
  await expect(lines(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(lines(page)).toHaveCount(4);
  await page.getByLabel('Outcome', { exact: true }).selectOption('failed');
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page)).toContainText('Failed: LinkedIn refused this reaction');
  // Keyboard: the list is a tab stop of its own, labelled.
  await page.getByRole('region', { name: 'Reaction history' }).focus();
  await expect(page.getByRole('region', { name: 'Reaction history' })).toBeFocused();
});

test('export gives the filtered lines as CSV and JSON, emoji and quotes intact', async ({
  context,
  extensionId,
}) => {
  const page = await openHistory(context, extensionId);
  await seed(page, SEEDED);
  await page.reload();
  await expect(lines(page)).toHaveCount(4);
  await page.getByLabel('Outcome', { exact: true }).selectOption('failed');
  await expect(lines(page)).toHaveCount(1);
  await page.getByLabel('Outcome', { exact: true }).selectOption('');
  await page.getByLabel('Kind', { exact: true }).selectOption('comment');
  await expect(lines(page)).toHaveCount(1);
  await page.getByLabel('Kind', { exact: true }).selectOption('');
  await expect(lines(page)).toHaveCount(4);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(
    /^reactbar-history-all-exported-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/,
  );
  const csv = await readFile(await csvDownload.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const csvLines = csv.slice(1).trim().split('\r\n');
  expect(csvLines[0]).toBe(
    'time_utc,time_local,kind,reaction,reaction_name,action,outcome,reason,actor,source,service,urn,parent_urn,link,snippet',
  );
  expect(csvLines).toHaveLength(5);
  expect(csvLines[1]).toContain(',message,🎉,🎉,react,applied,,');
  expect(csv).toContain('"LinkedIn refused this reaction, ""twice"", then gave up"');

  await page.getByLabel('Kind', { exact: true }).selectOption('post');
  await expect(lines(page)).toHaveCount(2);
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^reactbar-history-post-exported-.+\.json$/);
  const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  expect(json.filter).toEqual({ kind: 'post' });
  expect(json.count).toBe(2);
  expect(json.lines.map((line: { reaction_name: string }) => line.reaction_name)).toEqual([
    'Like',
    'Celebrate',
  ]);
});

test('the popup opens the same view in a tab, and its chart counts reactions per day', async ({
  context,
  extensionId,
  openPopup,
  addKey,
}) => {
  await addKey();
  const page = await openHistory(context, extensionId);
  await seed(page, SEEDED);
  await page.close();
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(lines(popup)).toHaveCount(4);
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Open in a tab' }).click(),
  ]);
  await expect(tab).toHaveURL(historyUrl(extensionId));
  await expect(lines(tab)).toHaveCount(4);
  await tab.getByRole('button', { name: 'Chart' }).click();
  // Applied reactions only: Celebrate and the 🎉 (a removal and a failure are not counted).
  await expect(tab.getByTestId('history-chart-words')).toHaveText(
    /^2 reactions in the last 30 days, most often (Celebrate|🎉)\.$/,
  );
  await expect(tab.getByTestId('history-chart').locator('canvas')).toHaveCount(1);
  await tab.getByLabel('Period').selectOption('90');
  await expect(tab.getByTestId('history-chart-words')).toContainText('in the last 90 days');
});

test('clear history asks first, then deletes every line from IndexedDB', async ({
  context,
  extensionId,
}) => {
  const page = await openHistory(context, extensionId);
  await seed(page, SEEDED);
  await page.reload();
  await expect(lines(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Clear history…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Clear history' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(lines(page)).toHaveCount(4);
  expect(await storedLines(page)).toHaveLength(4);
  await page.getByRole('button', { name: 'Clear history…' }).click();
  await page.getByRole('button', { name: 'Delete all lines' }).click();
  await expect(page.getByText(/^No reactions yet/)).toBeVisible();
  expect(await storedLines(page)).toEqual([]);
});

test('a database from version 2 keeps its lines when the extension opens it', async ({
  context,
  extensionId,
}) => {
  const page = await openHistory(context, extensionId);
  // Replace the database with one version 2 wrote (its stores and indexes exactly).
  await page.evaluate(async (rows) => {
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase('reactbar');
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
    });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reactbar', 2);
      request.onupgradeneeded = () => {
        const created = request.result;
        created.createObjectStore('keys', { keyPath: 'id' });
        created.createObjectStore('intents', { keyPath: 'id' });
        created
          .createObjectStore('confirmed', { keyPath: 'id' })
          .createIndex('byTarget', 'targetKey');
        created.createObjectStore('holds', { keyPath: 'credentialId' });
        created
          .createObjectStore('history', { keyPath: 'id', autoIncrement: true })
          .createIndex('byAt', 'at');
        created.createObjectStore('items');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('history', 'readwrite');
    for (const row of rows) tx.objectStore('history').add(row);
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  }, SEEDED);
  await page.reload();
  await expect(lines(page)).toHaveCount(4);
  const version = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('reactbar');
        request.onsuccess = () => {
          resolve(request.result.version);
          request.result.close();
        };
      }),
  );
  expect(version).toBe(5);
  // Counted by version 5.
  await expect(page.getByTestId('history-summary')).toHaveText('4 reactions, newest first');
  // The new indexes answer for the old lines.
  await page.getByLabel('Reaction', { exact: true }).selectOption('EMPATHY');
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page)).toContainText('Failed: LinkedIn refused this reaction');
  // The search's index too: version 4 gave the old lines their words (version 5 keeps them apart).
  await page.getByLabel('Reaction', { exact: true }).selectOption('');
  await expect(lines(page)).toHaveCount(4);
  await page.getByLabel('Search reactions').fill('twic');
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page)).toContainText('Failed: LinkedIn refused this reaction');
});

test.describe('undo', () => {
  test('of a message reaction: the emulator and the page agree', async ({
    context,
    extensionId,
    control,
    addKey,
  }) => {
    await addKey();
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.messaging);
    const host = page.locator(`reactbar-host[data-reactbar-urn="${FIRST.urn}"]`);
    await expect(host).toBeAttached();
    await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
    await host.getByRole('button', { name: 'React with 👍', exact: true }).click();
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['👍']);

    const history = await openHistory(context, extensionId);
    const reacted = lineSaying(history, 'Reacted 👍 on a message');
    await expect(reacted).toContainText('Applied');
    await reacted.getByRole('button', { name: /^Undo: Reacted 👍 on a message/ }).click();
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual([]);
    await expect(lineSaying(history, 'Removed 👍 from a message')).toContainText('Removed');
    // The LinkedIn tab follows without a reload.
    await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
    await expect(host.getByRole('button', { name: 'React with 👍', exact: true })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  test('of a post reaction: the emulator and the page agree', async ({
    context,
    extensionId,
    control,
    emulator,
  }) => {
    await connectLinkedInThroughPopup(context, extensionId, emulator.credentials.linkedinToken);
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.feed);
    const host = page.locator(`reactbar-host[data-reactbar-urn="${POST}"]`);
    await host.evaluate((element) => element.parentElement?.scrollIntoView({ block: 'center' }));
    const row = host.getByRole('toolbar');
    await row.getByRole('button', { name: 'React Celebrate', exact: true }).click();
    await expect(
      row.getByRole('button', { name: 'Remove your Celebrate reaction', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(async () => (await control.postReactions(POST)).map((r) => r.reactionType))
      .toEqual(['PRAISE']);

    const history = await openHistory(context, extensionId);
    const reacted = lineSaying(history, 'Reacted Celebrate on a post');
    await expect(reacted).toContainText('Applied');
    await reacted.getByRole('button', { name: /^Undo: Reacted Celebrate on a post/ }).click();
    await expect.poll(async () => (await control.postReactions(POST)).length).toBe(0);
    await expect(lineSaying(history, 'Removed Celebrate from a post')).toBeVisible();
    await expect(row.getByRole('button', { name: 'React Celebrate', exact: true })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });
});

test.describe('snippets', () => {
  async function reactToFirstMessage(page: Page): Promise<void> {
    await page.goto(FIXTURE_URLS.messaging);
    const host = page.locator(`reactbar-host[data-reactbar-urn="${FIRST.urn}"]`);
    await expect(host).toBeAttached();
    await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
    await host.getByRole('button', { name: 'React with 👍', exact: true }).click();
  }

  test('off by default: no text is stored with the line', async ({
    context,
    extensionId,
    control,
    addKey,
  }) => {
    await addKey();
    const page = await context.newPage();
    await reactToFirstMessage(page);
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['👍']);
    const history = await openHistory(context, extensionId);
    await expect(lineSaying(history, 'Reacted 👍 on a message')).toContainText('Applied');
    const stored = await storedLines(history);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toHaveProperty('snippet');
    await history.getByLabel('Search reactions').fill('meetup');
    await expect(history.getByText('No reaction matches these filters.')).toBeVisible();
  });

  test('on: the body (never a name) is kept, searched, and deleted when switched off', async ({
    context,
    extensionId,
    control,
    emulator,
    addKey,
    openOptions,
  }) => {
    await addKey();
    await connectLinkedInThroughPopup(context, extensionId, emulator.credentials.linkedinToken);
    const options = await openOptions();
    const option = options.getByRole('switch', { name: /Keep a short text of what I react to/ });
    await expect(option).toBeEnabled();
    await option.check();
    await expect(option).toBeChecked();

    const page = await context.newPage();
    await reactToFirstMessage(page);
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['👍']);
    await page.goto(FIXTURE_URLS.feed);
    const host = page.locator(`reactbar-host[data-reactbar-urn="${POST}"]`);
    await host.evaluate((element) => element.parentElement?.scrollIntoView({ block: 'center' }));
    await host
      .getByRole('toolbar')
      .getByRole('button', { name: 'React Like', exact: true })
      .click();
    await expect
      .poll(async () => (await control.postReactions(POST)).map((r) => r.reactionType))
      .toEqual(['LIKE']);

    const history = await openHistory(context, extensionId);
    await expect(lines(history)).toHaveCount(2);
    const stored = await storedLines(history);
    const byKind = Object.fromEntries(stored.map((line) => [line.kind, line.snippet]));
    expect(byKind.message).toBe('Hi Alex! Thanks for connecting after the meetup.');
    expect(byKind.post?.startsWith('We cut our p95 API latency from 840 ms to 210 ms')).toBe(true);
    expect([...(byKind.post ?? '')].length).toBeLessThanOrEqual(80);
    await history.getByLabel('Search reactions').fill('latency');
    await expect(lines(history)).toHaveCount(1);
    await expect(lines(history)).toContainText('Reacted Like on a post');
    await expect(lines(history)).toContainText('We cut our p95 API latency');

    await options.bringToFront();
    await option.uncheck();
    await expect(option).not.toBeChecked();
    await expect
      .poll(async () => (await storedLines(history)).filter((line) => 'snippet' in line).length)
      .toBe(0);
    expect(await storedLines(history)).toHaveLength(2);
  });
});

/** What IndexedDB holds of the history: the lines' times, their search keys' ids, the total. */
async function storedHistory(
  page: Page,
): Promise<{ ats: number[]; keyIds: number[]; ids: number[]; total: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reactbar');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['history', 'historyWords', 'historyCounts']);
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [lines, keyIds, total] = await Promise.all([
      read(tx.objectStore('history').index('byAt').getAll()),
      read(tx.objectStore('historyWords').getAllKeys()),
      read(tx.objectStore('historyCounts').get(['all', ''])),
    ]);
    db.close();
    return {
      ats: lines.map((line: { at: number }) => line.at),
      ids: lines.map((line: { id: number }) => line.id).sort((a: number, b: number) => a - b),
      keyIds: keyIds as number[],
      total: total as number,
    };
  });
}

test('retention set on the options page deletes the oldest lines from IndexedDB', async ({
  context,
  extensionId,
  openOptions,
}) => {
  const HOUR = 3_600_000;
  // 300 lines, one every 6 hours, the newest 3 hours old: about 75 days of history.
  const ats = Array.from({ length: 300 }, (_, index) => NOW - ((299 - index) * 6 + 3) * HOUR);
  const page = await openHistory(context, extensionId);
  await seed(
    page,
    ats.map((at, index) => seedLine({ at, value: index % 2 ? 'LIKE' : 'PRAISE' })),
  );
  expect((await storedHistory(page)).total).toBe(300);

  const options = await openOptions();
  const maxLines = options.getByLabel('Keep at most (lines)');
  await expect(maxLines).toHaveValue('100000');
  await maxLines.fill('200');
  await options.getByRole('button', { name: 'Apply history limits' }).click();
  await expect(options.getByText('History limits applied.')).toBeVisible();
  // The 100 oldest lines went, with their search keys, and the count followed.
  let stored = await storedHistory(page);
  expect(stored.ats).toEqual(ats.slice(100));
  expect(stored.keyIds).toEqual(stored.ids);
  expect(stored.total).toBe(200);

  // Older than 30 days: the lines from index 180 on are younger (717 hours and less).
  await options.getByLabel('Drop lines older than (days)').fill('30');
  await options.getByRole('button', { name: 'Apply history limits' }).click();
  await expect.poll(async () => (await storedHistory(page)).ats.length).toBe(120);
  stored = await storedHistory(page);
  expect(stored.ats).toEqual(ats.slice(180));
  expect(stored.keyIds).toEqual(stored.ids);
  expect(stored.total).toBe(120);
  await page.reload();
  await expect(page.getByTestId('history-summary')).toHaveText('120 reactions, newest first');
});

test('undo of a post reaction from the popup: the emulator and the page agree', async ({
  context,
  extensionId,
  control,
  emulator,
  openPopup,
}) => {
  await connectLinkedInThroughPopup(context, extensionId, emulator.credentials.linkedinToken);
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  const host = page.locator(`reactbar-host[data-reactbar-urn="${POST}"]`);
  await host.evaluate((element) => element.parentElement?.scrollIntoView({ block: 'center' }));
  const row = host.getByRole('toolbar');
  await row.getByRole('button', { name: 'React Celebrate', exact: true }).click();
  await expect(
    row.getByRole('button', { name: 'Remove your Celebrate reaction', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await control.postReactions(POST)).map((r) => r.reactionType))
    .toEqual(['PRAISE']);

  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'History' }).click();
  const reacted = lineSaying(popup, 'Reacted Celebrate on a post');
  await expect(reacted).toContainText('Applied');
  await reacted.getByRole('button', { name: /^Undo: Reacted Celebrate on a post/ }).click();
  await expect.poll(async () => (await control.postReactions(POST)).length).toBe(0);
  await expect(lineSaying(popup, 'Removed Celebrate from a post')).toBeVisible();
  // The LinkedIn tab follows without a reload.
  await expect(row.getByRole('button', { name: 'React Celebrate', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(
    row.getByRole('button', { name: 'Remove your Celebrate reaction', exact: true }),
  ).toHaveCount(0);
});
