/**
 * Pushes changes to every LinkedIn frame our content script runs in and every open extension
 * page. LinkedIn frames are the ones that have talked to us (see ./linkedin-frames): the
 * background has no host permission to look LinkedIn tabs up.
 */
import { browser } from 'wxt/browser';
import { type BroadcastProtocol, broadcastMessenger } from '../messaging/protocol';
import { onAdmitted } from '../messaging/serve';
import { createLinkedInFrameRegistry, type FrameAddress } from './linkedin-frames';

type Name = keyof BroadcastProtocol;
type Data<K extends Name> = Parameters<BroadcastProtocol[K]>[0];
/** A whole tab (every frame in it), or one frame of it. */
type Destination = { tabId: number; frameId?: number };

const linkedInFrames = createLinkedInFrameRegistry(browser.storage.session);

/**
 * Learns LinkedIn frames from every message the door accepts from them, and forgets a closed
 * tab's frames. Call once, synchronously at start, so a closed tab wakes the worker too.
 */
export function trackLinkedInFrames(): void {
  onAdmitted(({ senderKind, tabId, frameId }) => {
    if (senderKind === 'linkedin' && tabId !== undefined && frameId !== undefined) {
      linkedInFrames.remember({ tabId, frameId });
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => linkedInFrames.forgetTab(tabId));
}

function sendTo<K extends Name>(name: K, data: Data<K>, to: Destination): Promise<unknown> {
  return (
    broadcastMessenger.sendMessage as (n: K, d: Data<K>, to: Destination) => Promise<unknown>
  )(name, data, to);
}

/** To every LinkedIn frame, or to every frame of `onlyTabId` (a notice for the tab that clicked). */
export async function toLinkedInTabs<K extends Name>(
  name: K,
  data: Data<K>,
  onlyTabId?: number,
): Promise<void> {
  if (onlyTabId !== undefined) {
    await sendTo(name, data, { tabId: onlyTabId }).catch(() => undefined);
    return;
  }
  const { frames, asOf } = await linkedInFrames.snapshot();
  await Promise.all(
    frames.map((frame: FrameAddress) =>
      // No answer: the frame left LinkedIn or closed.
      sendTo(name, data, frame).catch(() => linkedInFrames.forgetUnlessHeardSince(frame, asOf)),
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
