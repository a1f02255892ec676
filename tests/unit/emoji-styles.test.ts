import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emojiPickerCss, injectEmojiPickerCss } from '@/components/emoji/styles';

// Vitest does not process CSS (the `?inline` import is empty here), so the file is read as
// is (Vitest runs from the project root).
const css = readFileSync(path.resolve('components/emoji/emoji-picker.css'), 'utf8');

describe('emoji picker styles', () => {
  afterEach(() => document.getElementById('rb-picker-styles')?.remove());

  it('styles only the picker, with light and dark colors', () => {
    expect(css).toContain('.rb-picker {');
    expect(css).toContain("[data-theme='dark'] .rb-picker {");
    expect(css).toContain("'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'");
    // Nothing outside the picker: every rule's selector mentions rb-picker.
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .match(/[^{}]+(?=\{)/g)
      ?.map((selector) => selector.trim())
      .filter((selector) => !selector.startsWith('@'));
    expect(selectors?.length).toBeGreaterThan(10);
    expect(selectors?.filter((selector) => !selector.includes('rb-picker'))).toEqual([]);
  });

  it('adds the styles to a document once', () => {
    injectEmojiPickerCss();
    injectEmojiPickerCss();
    const styles = document.querySelectorAll('#rb-picker-styles');
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).toBe(emojiPickerCss);
  });
});
