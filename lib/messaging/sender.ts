/**
 * Who sent a runtime message: the popup, the options page, or a LinkedIn frame. Anything else
 * (another extension, a page on another origin, any other page of ours) is refused.
 */
import type { SenderKind } from './protocol';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/;

/**
 * Our pages, by their exact path in the extension's origin, as WXT builds them from
 * entrypoints/. Any extension page can be opened in a tab, so the path, not the way the page
 * was opened, says which one it is; the query and the hash (popup.html#accounts) do not matter.
 */
const EXTENSION_PAGES: ReadonlyMap<string, SenderKind> = new Map([
  ['/popup.html', 'popup'],
  ['/options.html', 'options'],
  ['/history.html', 'history'],
]);

export function classifySender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  // protocol + host, not `origin`: URL gives "null" as the origin of non-web schemes in some engines.
  if (`${url.protocol}//${url.host}` === extensionOrigin) {
    return EXTENSION_PAGES.get(url.pathname) ?? null;
  }
  if (
    url.protocol === 'https:' &&
    LINKEDIN_HOST.test(url.hostname) &&
    sender.tab?.id !== undefined
  ) {
    return 'linkedin';
  }
  return null;
}
