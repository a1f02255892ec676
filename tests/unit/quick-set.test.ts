import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import {
  addEmoji,
  DEFAULT_QUICK_SET,
  loadQuickSet,
  MAX_QUICK_SET,
  moveEmoji,
  removeEmoji,
  resetQuickSet,
  saveQuickSet,
  validateQuickSet,
  watchQuickSet,
} from '@/lib/quick-set';

const TEN = ['😀', '😃', '😄', '😁', '😆', '😅', '🤣', '😂', '🙂', '🙃'];

describe('validateQuickSet', () => {
  it.each([[['👍']], [[...DEFAULT_QUICK_SET]], [TEN], [['🇺🇸', '#️⃣', '👩🏽‍💻', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '❤️‍🔥', '©️']]])(
    'accepts %j',
    (list) => {
      expect(validateQuickSet(list).ok).toBe(true);
    },
  );

  it.each([
    ['an empty set', [], 'Keep at least one emoji.'],
    ['eleven emoji', [...TEN, '🫠'], `At most ${MAX_QUICK_SET} emoji fit on the bar.`],
    ['a duplicate', ['👍', '😂', '👍'], '👍 is in the set twice.'],
    ['a duplicate spelled differently', ['👍', '👍️'], '👍 is in the set twice.'],
    ['two emoji in one item', ['👍👍'], '“👍👍” is not a single emoji.'],
    ['a letter', ['a'], '“a” is not a single emoji.'],
    ['a digit', ['1'], '“1” is not a single emoji.'],
    ['emoji with text', ['ok👍'], '“ok👍” is not a single emoji.'],
    ['an empty item', [''], '“” is not a single emoji.'],
    ['a lone skin tone', ['🏻'], '“🏻” is not a single emoji.'],
  ])('refuses %s', (_name, list, message) => {
    expect(validateQuickSet(list)).toEqual({ ok: false, message });
  });

  it('refuses what is not a list of strings', () => {
    expect(validateQuickSet('👍').ok).toBe(false);
    expect(validateQuickSet([1]).ok).toBe(false);
    expect(validateQuickSet(null).ok).toBe(false);
  });

  it('normalizes each emoji to one spelling', () => {
    expect(validateQuickSet(['👍️', '❤️'])).toEqual({ ok: true, list: ['👍', '❤️'] });
  });
});

describe('editor helpers', () => {
  const list = ['👍', '❤️', '😂'];

  it('moveEmoji moves one emoji and keeps the others in order', () => {
    expect(moveEmoji(list, 0, 1)).toEqual(['❤️', '👍', '😂']);
    expect(moveEmoji(list, 2, 0)).toEqual(['😂', '👍', '❤️']);
    expect(moveEmoji(list, 1, 9)).toEqual(['👍', '😂', '❤️']);
    expect(list).toEqual(['👍', '❤️', '😂']);
  });

  it('moveEmoji returns the same list when nothing moves', () => {
    expect(moveEmoji(list, 0, -1)).toBe(list);
    expect(moveEmoji(list, 2, 3)).toBe(list);
    expect(moveEmoji(list, 5, 0)).toBe(list);
  });

  it('addEmoji appends, normalized, unless already there or full', () => {
    expect(addEmoji(list, '😮')).toEqual([...list, '😮']);
    expect(addEmoji(['❤️'], '👍️')).toEqual(['❤️', '👍']);
    expect(addEmoji(list, '❤️')).toBe(list);
    expect(addEmoji(list, '👍️')).toBe(list);
    expect(addEmoji(TEN, '👍')).toBe(TEN);
  });

  it('removeEmoji removes by index but never the last emoji', () => {
    expect(removeEmoji(list, 1)).toEqual(['👍', '😂']);
    expect(removeEmoji(list, 3)).toBe(list);
    expect(removeEmoji(['👍'], 0)).toEqual(['👍']);
  });
});

describe('quick set storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is the default until something is saved', async () => {
    expect(await loadQuickSet()).toEqual(DEFAULT_QUICK_SET);
  });

  it('saves and loads back, in order, under the key the content script reads', async () => {
    await expect(saveQuickSet(['😂', '👍️'])).resolves.toEqual(['😂', '👍']);
    expect(await loadQuickSet()).toEqual(['😂', '👍']);
    expect(await storage.getItem('local:settings.quickSet')).toEqual(['😂', '👍']);
  });

  it('refuses to save an invalid set, with a plain message, and keeps the stored one', async () => {
    await saveQuickSet(['😂']);
    await expect(saveQuickSet([])).rejects.toThrow('Keep at least one emoji.');
    await expect(saveQuickSet(['👍', '👍'])).rejects.toThrow('👍 is in the set twice.');
    expect(await loadQuickSet()).toEqual(['😂']);
  });

  it.each([
    ['an empty list', []],
    ['a non-emoji', ['👍', 'hello']],
    ['not a list', '👍'],
    ['a duplicate', ['👍', '👍']],
  ])('falls back to the default when the stored value is %s', async (_name, stored) => {
    await storage.setItem('local:settings.quickSet', stored);
    expect(await loadQuickSet()).toEqual(DEFAULT_QUICK_SET);
  });

  it('resets to the default', async () => {
    await saveQuickSet(['😂']);
    await expect(resetQuickSet()).resolves.toEqual(DEFAULT_QUICK_SET);
    expect(await loadQuickSet()).toEqual(DEFAULT_QUICK_SET);
    expect(await storage.getItem('local:settings.quickSet')).toBeNull();
  });

  it('tells watchers about changes, with invalid values replaced by the default', async () => {
    const onChange = vi.fn();
    const unwatch = watchQuickSet(onChange);
    await saveQuickSet(['😂', '👍']);
    await storage.setItem('local:settings.quickSet', ['nope']);
    unwatch();
    await saveQuickSet(['👏']);
    expect(onChange.mock.calls).toEqual([[['😂', '👍']], [[...DEFAULT_QUICK_SET]]]);
  });
});
