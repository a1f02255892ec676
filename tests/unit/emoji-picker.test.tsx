import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmojiPickerProps } from '@/components/emoji/EmojiPicker';
import { setCatalogue } from './support/i18n';

// A few emoji in the real file's shape (emojibase-data en/compact.json), over two groups.
const SAMPLE = [
  {
    group: 0,
    hexcode: '1F600',
    label: 'grinning face',
    order: 1,
    tags: ['face', 'grin'],
    unicode: '😀',
  },
  {
    group: 0,
    hexcode: '1F602',
    label: 'face with tears of joy',
    order: 8,
    tags: ['joy'],
    unicode: '😂',
  },
  {
    group: 0,
    hexcode: '2764',
    label: 'red heart',
    order: 155,
    tags: ['heart', 'love'],
    unicode: '❤️',
  },
  { group: 1, hexcode: '1F44D', label: 'thumbs up', order: 353, tags: ['like'], unicode: '👍️' },
  {
    group: 1,
    hexcode: '1F44F',
    label: 'clapping hands',
    order: 420,
    tags: ['clap'],
    unicode: '👏',
  },
];

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let container: HTMLElement;
let unmount: () => void = () => {};

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  // happy-dom does no layout; the virtualizer sizes its window from clientWidth/clientHeight.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(320);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(312);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  unmount();
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function stubFetch(...responses: Array<() => Response>) {
  let call = 0;
  const fetchMock = vi.fn(async () => {
    const respond = responses[Math.min(call, responses.length - 1)];
    call += 1;
    if (!respond) throw new Error('no response');
    return respond();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const ok = () => new Response(JSON.stringify(SAMPLE), { status: 200 });

/** Renders a picker with a fresh emoji cache (the loader keeps one per module instance). */
async function renderPicker(props: Partial<EmojiPickerProps> = {}) {
  vi.resetModules();
  const { act, createElement } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { EmojiPicker } = await import('@/components/emoji/EmojiPicker');
  const onPick = vi.fn();
  const onClose = vi.fn();
  const root = createRoot(container);
  await act(async () => {
    root.render(createElement(EmojiPicker, { onPick, onClose, ...props }));
  });
  unmount = () => act(() => root.unmount());
  return { act, onPick, onClose };
}

const emojiButtons = () =>
  [...container.querySelectorAll<HTMLButtonElement>('.rb-picker__emoji')].map((button) =>
    button.getAttribute('aria-label'),
  );
const button = (label: string) => {
  const found = container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
};
const searchBox = () => container.querySelector<HTMLInputElement>('input[type="search"]');

function key(target: Element, name: string) {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }),
  );
}

async function type(act: (callback: () => void) => Promise<void> | void, text: string) {
  const input = searchBox();
  if (!input) throw new Error('No search box');
  await act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('EmojiPicker', () => {
  it('shows a loading state, then the emoji by group, labelled', async () => {
    let release: (response: Response) => void = () => {};
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (release = resolve)));
    const { act } = await renderPicker();
    expect(container.textContent).toContain('Loading emoji…');

    await act(async () => release(ok()));
    expect(container.textContent).not.toContain('Loading emoji…');
    expect([...container.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual([
      'Smileys & Emotion',
      'People & Body',
    ]);
    expect(emojiButtons()).toEqual([
      'grinning face',
      'face with tears of joy',
      'red heart',
      'thumbs up',
      'clapping hands',
    ]);
    expect(button('thumbs up').textContent).toBe('👍');
  });

  it('focuses the search box with autoFocus', async () => {
    stubFetch(ok);
    await renderPicker({ autoFocus: true });
    expect(document.activeElement).toBe(searchBox());
    expect(searchBox()?.getAttribute('aria-label')).toBe('Search emoji');
  });

  it('filters as you type, and says when nothing matches', async () => {
    stubFetch(ok);
    const { act } = await renderPicker();
    await type(act, 'HEART');
    expect(emojiButtons()).toEqual(['red heart']);
    expect(container.querySelector('h3')).toBeNull();

    await type(act, 'zebra ');
    expect(emojiButtons()).toEqual([]);
    expect(container.textContent).toContain('No emoji match “zebra”');
  });

  it('picks the emoji clicked, with the click (its host refuses untrusted ones)', async () => {
    stubFetch(ok);
    const { act, onPick } = await renderPicker();
    await act(() => button('clapping hands').click());
    expect(onPick).toHaveBeenCalledWith('👏', expect.objectContaining({ type: 'click' }));
  });

  it('moves focus with the arrow keys, picks with Enter and closes with Escape', async () => {
    stubFetch(ok);
    const { act, onPick, onClose } = await renderPicker();
    const input = searchBox() as HTMLInputElement;

    await act(() => key(input, 'ArrowDown'));
    expect(document.activeElement).toBe(button('grinning face'));
    await act(() => key(button('grinning face'), 'ArrowRight'));
    expect(document.activeElement).toBe(button('face with tears of joy'));
    // Down crosses the "People & Body" heading, keeping the column.
    await act(() => key(button('face with tears of joy'), 'ArrowDown'));
    expect(document.activeElement).toBe(button('clapping hands'));
    expect(button('clapping hands').tabIndex).toBe(0);
    expect(button('grinning face').tabIndex).toBe(-1);

    await act(() => key(button('clapping hands'), 'Enter'));
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick).toHaveBeenCalledWith('👏', expect.objectContaining({ key: 'Enter' }));

    // Up from the first row goes back to the search box.
    await act(() => key(button('clapping hands'), 'ArrowUp'));
    await act(() => key(button('face with tears of joy'), 'ArrowUp'));
    expect(document.activeElement).toBe(input);

    await act(() => key(input, 'Escape'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps its keys from the page (LinkedIn closes chats on Escape)', async () => {
    stubFetch(ok);
    const { act } = await renderPicker();
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    await act(() => key(searchBox() as HTMLInputElement, 'Escape'));
    document.removeEventListener('keydown', pageListener);
    expect(pageListener).not.toHaveBeenCalled();
  });

  it('picks the best match with Enter in the search box', async () => {
    stubFetch(ok);
    const { act, onPick } = await renderPicker();
    await type(act, 'clap');
    await act(() => key(searchBox() as HTMLInputElement, 'Enter'));
    expect(onPick).toHaveBeenCalledWith('👏', expect.objectContaining({ key: 'Enter' }));
  });

  it('shows an error with a Retry button that loads again', async () => {
    const fetchMock = stubFetch(() => new Response('', { status: 500 }), ok);
    const { act } = await renderPicker();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not load the emoji list (HTTP 500)',
    );
    expect(emojiButtons()).toEqual([]);

    await act(async () => {
      container.querySelector<HTMLButtonElement>('.rb-picker__retry')?.click();
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(emojiButtons()).toHaveLength(5);
  });

  it('speaks German in a German browser; the emoji keep emojibase’s English names', async () => {
    setCatalogue('de');
    const fetchMock = stubFetch(() => new Response('', { status: 500 }), ok);
    const { act } = await renderPicker();
    const picker = container.querySelector('[role="group"]');
    expect(picker?.getAttribute('aria-label')).toBe('Emoji-Auswahl');
    const search = searchBox();
    expect(search?.getAttribute('aria-label')).toBe('Emoji suchen');
    expect(search?.placeholder).toBe('Emoji suchen');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Die Emoji konnten nicht geladen werden.Die Emoji-Liste konnte nicht geladen werden (HTTP 500)Erneut versuchen',
    );

    await act(async () => {
      container.querySelector<HTMLButtonElement>('.rb-picker__retry')?.click();
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect([...container.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual([
      'Smileys & Emotionen',
      'Menschen & Körper',
    ]);
    expect(emojiButtons()).toContain('thumbs up');
    await type(act, 'zebra');
    expect(container.textContent).toContain('Kein Emoji passt zu „zebra“');
  });
});
