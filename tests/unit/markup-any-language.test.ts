/**
 * LinkedIn's markup is found by structure and attributes, never by LinkedIn's words: every
 * fixture page, pseudo-localized (each word people read or hear rewritten, as a UI language
 * Reactbar has never seen would), gives the scanner the same targets, in the same places, and
 * never another reaction state (a state only LinkedIn's English words tell becomes unknown). The German and French fixtures (kinds-page-state.test.ts) are real
 * pages in other languages; this covers every page and every word.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FoundTarget, startScanner } from '@/lib/content/scanner';
import { ALL_SURFACES } from '@/lib/kinds/surfaces';

const PAGES = ['messaging.html', 'overlay.html', 'preload-overlay.html', 'feed.html', 'post.html'];
/** The attributes whose words a UI language changes. */
const WORDED = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'title',
  'alt',
  'placeholder',
];

function load(file: string): void {
  const html = readFileSync(path.resolve('tests/fixtures', file), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '')
    .replace(/<link rel="stylesheet"[^>]*>/g, '');
  // Templates hold what the page adds later (infinite scroll): localized too, and scanned once
  // added, as the fixture's own script would.
  for (const template of document.querySelectorAll('template')) {
    template.replaceWith(template.content.cloneNode(true));
  }
}

/** "Like" → "Ŀíķé·ŵ": other letters, other length, no English word left. */
function pseudo(text: string): string {
  const map: Record<string, string> = {
    a: 'á',
    e: 'é',
    i: 'í',
    o: 'ö',
    u: 'ü',
    k: 'ķ',
    l: 'ŀ',
    L: 'Ŀ',
  };
  return text.replace(/\p{L}+/gu, (word) => `${[...word].map((c) => map[c] ?? c).join('')}·ŵ`);
}

function localize(root: Document): number {
  let changed = 0;
  const walker = root.createTreeWalker(root.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    // LinkedIn's data islands (<code>) are data, not words people read.
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'CODE') continue;
    if (!/\p{L}/u.test(node.nodeValue ?? '')) continue;
    node.nodeValue = pseudo(node.nodeValue ?? '');
    changed++;
  }
  for (const element of root.body.querySelectorAll('*')) {
    for (const name of WORDED) {
      const value = element.getAttribute(name);
      if (value && /\p{L}/u.test(value)) {
        element.setAttribute(name, pseudo(value));
        changed++;
      }
    }
  }
  return changed;
}

/** The page's words outside its data islands. */
function visibleWords(): string {
  const clone = document.body.cloneNode(true) as HTMLElement;
  for (const data of clone.querySelectorAll('code, script, style')) data.remove();
  return clone.textContent ?? '';
}

let stop = () => {};
afterEach(() => stop());

interface Found {
  target: string;
  /** Where the bar goes: the tag of the host's next sibling and parent. */
  place: string;
  state: unknown;
}

function scan(): Found[] {
  const found: FoundTarget[] = [];
  const scanner = startScanner(document, ALL_SURFACES, {
    added: (target) => found.push(target),
    removed() {},
  });
  stop = () => scanner.stop();
  return found
    .map((target) => ({
      target: `${target.kind} ${target.urn}`,
      place: `${target.host.parentElement?.className ?? ''} > ${
        target.host.nextElementSibling?.className ?? '(last)'
      }`,
      state: scanner.pageState(target),
    }))
    .sort((a, b) => a.target.localeCompare(b.target));
}

describe.each(PAGES)('%s in a language Reactbar has never seen', (file) => {
  it('has the same targets and places, and no reaction state changes', () => {
    load(file);
    const english = scan();
    stop();
    expect(english.length).toBeGreaterThan(0);
    load(file);
    expect(localize(document)).toBeGreaterThan(20);
    expect(visibleWords()).not.toMatch(/\bLike\b|\bReact\b|\bMessage\b/);
    const localized = scan();
    expect(localized.map(({ target, place }) => ({ target, place }))).toEqual(
      english.map(({ target, place }) => ({ target, place })),
    );
    // A state read by structure stays; one only LinkedIn's English words told ("no reaction" on
    // a gen-B post) becomes unknown, never another state.
    localized.forEach(({ target, state }, index) => {
      if (state !== undefined) expect(state, target).toBe(english[index]?.state);
    });
    const known = (found: Found[]) => found.filter(({ state }) => state !== undefined).length;
    expect(known(localized)).toBeGreaterThanOrEqual(known(english) / 2);
  });
});
