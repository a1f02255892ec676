/**
 * The options page's switch for post and comment controls (people who only want messages turn
 * them off). A plain boolean in storage.local (not a secret), under the key WXT's storage item
 * `local:settings.postControls` would use; absent means on. Read and watched by every LinkedIn
 * frame's content script through the browser API alone, so the eager script stays small.
 */
import { browser } from 'wxt/browser';

export const POST_CONTROLS_KEY = 'settings.postControls';

function isOn(value: unknown): boolean {
  return value !== false;
}

export async function loadPostControls(): Promise<boolean> {
  const stored = await browser.storage.local.get(POST_CONTROLS_KEY);
  return isOn(stored[POST_CONTROLS_KEY]);
}

export async function savePostControls(on: boolean): Promise<void> {
  await browser.storage.local.set({ [POST_CONTROLS_KEY]: on });
}

/** Calls `onChange` whenever the switch changes, in any extension context. */
export function watchPostControls(onChange: (on: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[POST_CONTROLS_KEY];
    if (area === 'local' && change) onChange(isOn(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
