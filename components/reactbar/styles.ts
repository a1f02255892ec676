/**
 * One stylesheet for every target's shadow root: constructed once, adopted by each root, so
 * the page carries a single copy however many targets it has. The theme is a second tiny
 * sheet whose text is swapped when LinkedIn changes theme, restyling every root at once.
 */

import { emojiPickerCss } from '@/components/emoji/styles';
import barCss from '@/components/reactbar/reactbar.css?inline';

const LIGHT = `:host { --rb-text:#191919; --rb-muted:#5e5e5e; --rb-surface:#ffffff; --rb-border:#d6d6d6;
  --rb-hover:#f0f0f0; --rb-active-bg:#e8f1fb; --rb-accent:#0a66c2; --rb-shadow:rgba(0,0,0,.15);
  --rb-notice-bg:#fff4e5; --rb-notice-text:#5c3b00; --rb-notice-border:#f0c36d; }`;
const DARK = `:host { --rb-text:#e9e9e9; --rb-muted:#b0b0b0; --rb-surface:#1d2226; --rb-border:#3d4449;
  --rb-hover:#2f363b; --rb-active-bg:#1b3a5c; --rb-accent:#71b7fb; --rb-shadow:rgba(0,0,0,.5);
  --rb-notice-bg:#3b2e14; --rb-notice-text:#ffe2a8; --rb-notice-border:#8a6a2a; }`;

const CSS = `${barCss}\n${emojiPickerCss}`;

let shared: { base: CSSStyleSheet; theme: CSSStyleSheet } | null | undefined;

function constructSheets() {
  if (shared !== undefined) return shared;
  try {
    const base = new CSSStyleSheet();
    base.replaceSync(CSS);
    const theme = new CSSStyleSheet();
    theme.replaceSync(LIGHT);
    shared = { base, theme };
  } catch {
    shared = null; // No constructable sheets here: fall back to <style> elements.
  }
  return shared;
}

let fallbackDark = false;
const fallbackThemes = new Set<HTMLStyleElement>();

export function adoptStyles(root: ShadowRoot): void {
  const sheets = constructSheets();
  if (sheets) {
    try {
      root.adoptedStyleSheets = [sheets.base, sheets.theme];
      return;
    } catch {
      // Firefox content scripts may refuse sheets made in their own compartment.
    }
  }
  const style = document.createElement('style');
  style.textContent = CSS;
  const theme = document.createElement('style');
  theme.textContent = fallbackDark ? DARK : LIGHT;
  fallbackThemes.add(theme);
  root.append(style, theme);
}

export function forgetStyles(root: ShadowRoot): void {
  for (const theme of root.querySelectorAll('style')) fallbackThemes.delete(theme);
}

export function setDarkTheme(dark: boolean): void {
  fallbackDark = dark;
  constructSheets()?.theme.replaceSync(dark ? DARK : LIGHT);
  for (const theme of fallbackThemes) theme.textContent = dark ? DARK : LIGHT;
}
