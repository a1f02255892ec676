/**
 * The options page's switch for history snippets: a short text of what was reacted to, kept
 * with the history line so the search can find it. Off by default. A plain boolean in
 * storage.local (not a secret), read by the content script (which sends a snippet only while it
 * is on) and by the background (which keeps one only while it is on, and deletes the kept ones
 * when it is switched off).
 */
import { browser } from 'wxt/browser';

export const HISTORY_SNIPPETS_KEY = 'settings.historySnippets';
/** At most this many characters of the body: never a name, never more than a glimpse. */
export const SNIPPET_MAX = 80;

function isOn(value: unknown): boolean {
  return value === true;
}

export async function loadHistorySnippets(): Promise<boolean> {
  const stored = await browser.storage.local.get(HISTORY_SNIPPETS_KEY);
  return isOn(stored[HISTORY_SNIPPETS_KEY]);
}

export async function saveHistorySnippets(on: boolean): Promise<void> {
  await browser.storage.local.set({ [HISTORY_SNIPPETS_KEY]: on });
}

/** Calls `onChange` whenever the switch changes, in any extension context. */
export function watchHistorySnippets(onChange: (on: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[HISTORY_SNIPPETS_KEY];
    if (area === 'local' && change) onChange(isOn(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whitespace collapsed, trimmed, at most SNIPPET_MAX characters (whole code points). */
export function clipSnippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = [...flat];
  return points.length <= SNIPPET_MAX ? flat : `${points.slice(0, SNIPPET_MAX - 1).join('')}…`;
}
