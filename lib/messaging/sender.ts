/**
 * Who sent a runtime message. Only this extension's own pages and LinkedIn frames count;
 * anything else (another extension, a page on another origin) is refused.
 */
import type { SenderKind } from './protocol';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/;

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
  if (`${url.protocol}//${url.host}` === extensionOrigin) return 'extension';
  if (
    url.protocol === 'https:' &&
    LINKEDIN_HOST.test(url.hostname) &&
    sender.tab?.id !== undefined
  ) {
    return 'linkedin';
  }
  return null;
}
