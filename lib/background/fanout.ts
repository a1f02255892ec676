/**
 * Pushes changes to every LinkedIn tab (all frames) and every open extension page.
 * A tab without our content script, or a closed popup, simply does not answer.
 */
import { browser } from 'wxt/browser';
import { type BroadcastProtocol, broadcastMessenger } from '../messaging/protocol';

type Name = keyof BroadcastProtocol;
type Data<K extends Name> = Parameters<BroadcastProtocol[K]>[0];

const LINKEDIN_TABS = 'https://*.linkedin.com/*';

export async function toLinkedInTabs<K extends Name>(
  name: K,
  data: Data<K>,
  onlyTabId?: number,
): Promise<void> {
  const tabIds =
    onlyTabId !== undefined
      ? [onlyTabId]
      : (await browser.tabs.query({ url: LINKEDIN_TABS })).map((tab) => tab.id);
  await Promise.all(
    tabIds.map((tabId) =>
      tabId === undefined
        ? undefined
        : (broadcastMessenger.sendMessage as (n: K, d: Data<K>, tab: number) => Promise<unknown>)(
            name,
            data,
            tabId,
          ).catch(() => undefined),
    ),
  );
}

export async function toExtensionPages<K extends Name>(name: K, data: Data<K>): Promise<void> {
  await (broadcastMessenger.sendMessage as (n: K, d: Data<K>) => Promise<unknown>)(
    name,
    data,
  ).catch(() => undefined);
}

export async function toEverywhere<K extends Name>(name: K, data: Data<K>): Promise<void> {
  await Promise.all([toLinkedInTabs(name, data), toExtensionPages(name, data)]);
}
