import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { QuickSetEditor } from '@/components/QuickSetEditor';
import { DEFAULT_QUICK_SET, saveQuickSet } from '@/lib/quick-set';

// The options page's editor, against the fake browser's storage (what the content script reads).

const SAMPLE = [
  { group: 0, hexcode: '1F600', label: 'grinning face', order: 1, tags: [], unicode: '😀' },
  { group: 1, hexcode: '1F44D', label: 'thumbs up', order: 353, tags: [], unicode: '👍️' },
];

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  fakeBrowser.reset();
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(320);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(312);
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(SAMPLE)));
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function renderEditor() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  root = createRoot(container);
  await act(async () => {
    root.render(
      <QueryClientProvider client={queryClient}>
        <QuickSetEditor />
      </QueryClientProvider>,
    );
  });
  await settle();
}

/** Lets storage, queries and mutations finish, inside act() so React applies their updates. */
async function settle() {
  await act(async () => {
    for (let turn = 0; turn < 10; turn += 1) await new Promise((done) => setTimeout(done, 0));
  });
}

const shown = () =>
  [...container.querySelectorAll('ol li span')].map((span) => span.textContent ?? '');
const stored = () => storage.getItem<string[]>('local:settings.quickSet');
const status = () => container.querySelector('output')?.textContent;

function button(label: string) {
  const found = [...container.querySelectorAll('button')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === label,
  );
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

async function click(label: string) {
  await act(async () => button(label).click());
  await settle();
}

describe('QuickSetEditor', () => {
  it('lists the stored set in order', async () => {
    await saveQuickSet(['😂', '👍', '❤️']);
    await renderEditor();
    expect(container.querySelector('h2')?.textContent).toBe('Quick reactions');
    expect(shown()).toEqual(['😂', '👍', '❤️']);
    expect(button('Move 😂 left').getAttribute('aria-disabled')).toBe('true');
    expect(button('Move ❤️ right').getAttribute('aria-disabled')).toBe('true');
    expect(button('Move 👍 left').hasAttribute('aria-disabled')).toBe(false);
  });

  it('moves and removes emoji, saving each change', async () => {
    await saveQuickSet(['😂', '👍', '❤️']);
    await renderEditor();

    await click('Move 😂 right');
    expect(shown()).toEqual(['👍', '😂', '❤️']);
    expect(await stored()).toEqual(['👍', '😂', '❤️']);
    expect(status()).toBe('Saved.');

    await click('Move ❤️ left');
    await click('Remove 👍');
    expect(shown()).toEqual(['❤️', '😂']);
    expect(await stored()).toEqual(['❤️', '😂']);
    // Focus moves to the emoji now in the removed one's place.
    expect(document.activeElement).toBe(button('Remove ❤️'));
  });

  it('never removes the last emoji, nor moves past the ends', async () => {
    await saveQuickSet(['😂']);
    await renderEditor();
    await click('Remove 😂');
    await click('Move 😂 left');
    expect(shown()).toEqual(['😂']);
    expect(await stored()).toEqual(['😂']);
    expect(status()).toBe('');
  });

  it('adds an emoji from the picker, and resets to the default', async () => {
    await saveQuickSet(['😂']);
    await renderEditor();
    expect(document.getElementById('rb-picker-styles')).not.toBeNull();

    await click('Add emoji');
    expect(container.querySelector('.rb-picker__emoji')).not.toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Search emoji');
    await click('thumbs up');
    expect(container.querySelector('.rb-picker')).toBeNull();
    expect(shown()).toEqual(['😂', '👍']);
    expect(await stored()).toEqual(['😂', '👍']);

    await click('Reset to default');
    expect(shown()).toEqual(DEFAULT_QUICK_SET);
    expect(await stored()).toBeNull();
    expect(status()).toBe('Saved.');
  });

  it('says so when the picked emoji is already in the set', async () => {
    await saveQuickSet(['👍']);
    await renderEditor();
    await click('Add emoji');
    expect(container.querySelector('.rb-picker__emoji')).not.toBeNull();
    await click('thumbs up');
    expect(shown()).toEqual(['👍']);
    expect(status()).toBe('👍 is already in the set.');
  });

  it('follows changes made elsewhere (another options tab)', async () => {
    await renderEditor();
    expect(shown()).toEqual(DEFAULT_QUICK_SET);
    await act(async () => {
      await storage.setItem('local:settings.quickSet', ['👏']);
    });
    await settle();
    expect(shown()).toEqual(['👏']);
  });
});
