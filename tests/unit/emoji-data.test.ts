import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEmojiData } from '@/lib/emoji/data';
import { normalizeEmoji } from '@/lib/emoji/normalize';
import { validateQuickSet } from '@/lib/quick-set';

// The real file's shape (emojibase-data 17, en/compact.json), deliberately out of order.
const SAMPLE = [
  { hexcode: '1F1E6', label: 'regional indicator A', unicode: '🇦' },
  {
    group: 1,
    hexcode: '1F44D',
    label: 'thumbs up',
    order: 353,
    tags: ['+1', 'good', 'hand', 'like', 'thumb', 'up', 'yes'],
    unicode: '👍️',
    skins: [
      {
        group: 1,
        hexcode: '1F44D-1F3FB',
        label: 'thumbs up: light skin tone',
        order: 354,
        unicode: '👍🏻',
      },
    ],
  },
  {
    group: 0,
    hexcode: '2764',
    label: 'red heart',
    order: 155,
    tags: ['emotion', 'heart', 'love', 'red'],
    unicode: '❤️',
    emoticon: '<3',
  },
  {
    group: 2,
    hexcode: '1F3FB',
    label: 'light skin tone',
    order: 3656,
    tags: ['skin'],
    unicode: '🏻',
  },
  { group: 0, hexcode: '1F600', label: 'grinning face', order: 1, unicode: '😀' },
];

function stubFetch(respond: () => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (_url: string) => respond());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('parseEmojiData', () => {
  it('keeps grouped emoji, sorted by order, in the compact EmojiEntry shape', () => {
    expect(parseEmojiData(SAMPLE)).toEqual([
      { emoji: '😀', label: 'grinning face', tags: [], group: 0, order: 1 },
      {
        emoji: '❤️',
        label: 'red heart',
        tags: ['emotion', 'heart', 'love', 'red'],
        group: 0,
        order: 155,
      },
      {
        emoji: '👍',
        label: 'thumbs up',
        tags: ['+1', 'good', 'hand', 'like', 'thumb', 'up', 'yes'],
        group: 1,
        order: 353,
      },
    ]);
  });

  it.each([
    ['not a list', { emoji: [] }, /malformed: expected a list/],
    ['an entry without unicode', [{ label: 'x', group: 0, order: 1 }], /malformed at 0\.unicode/],
    ['a label that is not text', [{ unicode: '😀', label: 5, group: 0, order: 1 }], /at 0\.label/],
    ['a group that is not a number', [{ unicode: '😀', label: 'x', group: '0' }], /at 0\.group/],
  ])('refuses %s with a readable error', (_name, data, message) => {
    expect(() => parseEmojiData(data)).toThrow(message);
  });

  it('parses the real file; everything it offers can go in the quick set', () => {
    const path = createRequire(import.meta.url).resolve('emojibase-data/en/compact.json');
    const entries = parseEmojiData(JSON.parse(readFileSync(path, 'utf8')));
    expect(entries.length).toBeGreaterThan(1800);
    expect(entries.some((entry) => entry.group === 2)).toBe(false);
    const refused = entries.filter((entry) => !validateQuickSet([entry.emoji]).ok);
    expect(refused.map((entry) => entry.label)).toEqual([]);
    expect(new Set(entries.map((entry) => entry.emoji)).size).toBe(entries.length);
  });
});

describe('normalizeEmoji', () => {
  it('drops the emoji-style selector only where it is redundant', () => {
    expect(normalizeEmoji('👍️')).toBe('👍');
    expect(normalizeEmoji('❤️')).toBe('❤️');
    expect(normalizeEmoji('#️⃣')).toBe('#️⃣');
    expect(normalizeEmoji('❤️‍🔥')).toBe('❤️‍🔥');
    expect(normalizeEmoji('👁️‍🗨️')).toBe('👁️‍🗨️');
  });
});

describe('loadEmojiData', () => {
  // A fresh module per test: the cached promise is module state.
  async function freshLoader() {
    vi.resetModules();
    return (await import('@/lib/emoji/data')).loadEmojiData;
  }

  beforeEach(() => {
    vi.unstubAllGlobals();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("fetches the extension's own copy once and shares the result", async () => {
    const fetchMock = stubFetch(() => json(SAMPLE));
    const loadEmojiData = await freshLoader();
    const [first, second] = await Promise.all([loadEmojiData(), loadEmojiData()]);
    const third = await loadEmojiData();
    expect(first).toHaveLength(3);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toMatch(/^chrome-extension:\/\/[^/]+\/emoji\/en\.json$/);
  });

  it('does not keep a failed load, so a retry fetches again', async () => {
    let attempt = 0;
    const fetchMock = stubFetch(() => {
      attempt += 1;
      return attempt === 1 ? new Response('gone', { status: 404 }) : json(SAMPLE);
    });
    const loadEmojiData = await freshLoader();
    await expect(loadEmojiData()).rejects.toThrow('Could not load the emoji list (HTTP 404)');
    await expect(loadEmojiData()).resolves.toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('rejects a file that is not JSON, or not in the expected shape', async () => {
    stubFetch(() => new Response('<html>', { status: 200 }));
    await expect((await freshLoader())()).rejects.toThrow('The emoji list is not valid JSON');
    stubFetch(() => json([{ unicode: 42 }]));
    await expect((await freshLoader())()).rejects.toThrow(/The emoji list is malformed at 0\./);
  });
});
