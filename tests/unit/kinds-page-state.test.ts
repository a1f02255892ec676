/**
 * Posts and comments of both generations on the fixture pages: which are found, and the member's
 * reaction each page shows, read by structure and attributes in any UI language (German and
 * French pages included), never a wrong state.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FoundTarget, startScanner } from '@/lib/content/scanner';
import { generationAState, generationBState } from '@/lib/kinds/page-state';
import { ALL_SURFACES } from '@/lib/kinds/surfaces';
import { EXPECTED, PAGE_STATES, type PageExpectation } from '../fixtures/expected';

const FILES = {
  feed: 'feed.html',
  post: 'post.html',
  feedDe: 'feed-de.html',
  postFr: 'post-fr.html',
} as const;

function load(name: keyof typeof FILES): void {
  // From the project root (WXT's test plugin rewrites import.meta.url).
  const html = readFileSync(path.resolve('tests/fixtures', FILES[name]), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '')
    // The pages' shared stylesheet: nothing here reads styles, and there is no server to fetch it.
    .replace(/<link rel="stylesheet"[^>]*>/g, '');
}

/** The fixture's `loadMore()`, by hand (scripts do not run here). */
function loadMoreFeed(): void {
  for (const [id, into] of [
    ['feed-more-a-1', '.scaffold-finite-scroll__content'],
    ['feed-more-b-1', '[data-testid="mainFeed"]'],
    ['feed-more-a-2', '.scaffold-finite-scroll__content'],
    ['feed-more-b-2', '[data-testid="mainFeed"]'],
  ] as const) {
    const template = document.getElementById(id) as HTMLTemplateElement;
    document.querySelector(into)?.append(template.content.cloneNode(true));
  }
}

let stop = () => {};
afterEach(() => stop());

function scan(): { targets: FoundTarget[]; state(target: FoundTarget): unknown } {
  const found: FoundTarget[] = [];
  const scanner = startScanner(document, ALL_SURFACES, {
    added: (target) => found.push(target),
    removed() {},
  });
  stop = () => scanner.stop();
  return { targets: found, state: (target) => scanner.pageState(target) };
}

const postsAndComments = (page: PageExpectation, extra: PageExpectation['initial'] = []) =>
  [...page.initial, ...extra]
    .filter((target) => target.kind !== 'message')
    .map((target) => `${target.kind} ${target.urn}`)
    .sort();

describe.each([
  ['feed', EXPECTED.feed],
  ['post', EXPECTED.post],
  ['feedDe', EXPECTED.feedDe],
  ['postFr', EXPECTED.postFr],
] as const)('%s.html', (name, page) => {
  it('finds every post and comment, and reads the state the page shows (unknown: none)', () => {
    load(name);
    const { targets, state } = scan();
    expect(targets.map((target) => `${target.kind} ${target.urn}`).sort()).toEqual(
      postsAndComments(page),
    );
    for (const target of targets) {
      const expected = PAGE_STATES[target.urn];
      expect(expected, `${target.urn} is listed`).not.toBeUndefined();
      expect(state(target), target.urn).toBe(expected === 'unknown' ? undefined : expected);
    }
  });
});

describe('feed.html after infinite scroll', () => {
  it('reads the batches, the pressed "Unreact Like" card included', async () => {
    load('feed');
    const { targets, state } = scan();
    loadMoreFeed();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const batches = EXPECTED.feed.steps.flatMap((step) => step.added);
    expect(targets.map((target) => `${target.kind} ${target.urn}`).sort()).toEqual(
      postsAndComments(EXPECTED.feed, batches),
    );
    const liked = targets.find((target) => target.urn === 'urn:li:activity:7401968871303856128');
    expect(liked && state(liked)).toBe('LIKE');
  });
});

describe('gen-B posts in another language', () => {
  it('are found without any English label, and the German people module is not a post', () => {
    load('feedDe');
    expect(document.body.innerHTML).not.toContain('Open control menu for post by');
    expect(document.body.innerHTML).not.toContain('Reaction button state:');
    const { targets } = scan();
    const genB = targets.filter((target) => target.element.matches('[role="listitem"]'));
    expect(genB.map((target) => target.urn)).toEqual([
      'urn:li:activity:7402178870412955648',
      'urn:li:share:7402172213095563264',
      'urn:li:activity:7402166650721841152',
    ]);
  });

  it('place the row just before the post action row, whatever its words', () => {
    load('feedDe');
    const { targets } = scan();
    for (const target of targets.filter((found) => found.kind === 'post')) {
      const next = target.host.nextElementSibling;
      expect(
        next?.querySelectorAll('button, [role="button"]').length,
        target.urn,
      ).toBeGreaterThanOrEqual(4);
    }
  });
});

function element(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.firstElementChild as Element;
}

describe('reading a native control', () => {
  it('gen A: pressed decides; the type comes from the icon, a type class, then English words', () => {
    expect(generationAState(element('<button aria-pressed="false">Like</button>'))).toBeNull();
    expect(
      generationAState(
        element(
          '<button aria-pressed="true"><img data-test-reactions-icon-type="EMPATHY">Love</button>',
        ),
      ),
    ).toBe('EMPATHY');
    expect(
      generationAState(
        element(
          '<button class="react-button--active"><span class="react-button__text--praise">x</span></button>',
        ),
      ),
    ).toBe('PRAISE');
    expect(
      generationAState(
        element('<button aria-pressed="true" aria-label="Unreact Funny">Funny</button>'),
      ),
    ).toBe('ENTERTAINMENT');
    // Pressed, in a language it cannot read: reacted, type unknown; never a wrong type.
    expect(
      generationAState(element('<button aria-pressed="true">Lustig</button>')),
    ).toBeUndefined();
    // No pressed state at all: unknown.
    expect(generationAState(element('<button>Like</button>'))).toBeUndefined();
    expect(generationAState(null)).toBeUndefined();
  });

  it('gen B: an icon type or an English label; a localized label alone is unknown', () => {
    expect(
      generationBState(
        element('<button aria-label="Reaction button state: no reaction"></button>'),
      ),
    ).toBeNull();
    expect(
      generationBState(
        element('<div role="button" aria-label="Reaction button state: Insightful"></div>'),
      ),
    ).toBe('INTEREST');
    expect(
      generationBState(
        element(
          '<button aria-label="État du bouton de réaction : Bravo"><img data-test-reactions-icon-type="PRAISE"></button>',
        ),
      ),
    ).toBe('PRAISE');
    expect(
      generationBState(
        element('<button aria-label="État du bouton de réaction : Bravo"></button>'),
      ),
    ).toBeUndefined();
    expect(
      generationBState(element('<button aria-pressed="false" aria-label="x"></button>')),
    ).toBeNull();
    expect(
      generationBState(element('<button aria-label="Reaction button state: Surprised"></button>')),
    ).toBeUndefined();
  });
});

describe('with our hosts in the page', () => {
  it('reads the same states once hosts (keyboard stops, role=button) sit before the action rows', () => {
    load('feedDe');
    const found: FoundTarget[] = [];
    const scanner = startScanner(document, ALL_SURFACES, {
      prepareHost: (host) => host.setAttribute('role', 'button'),
      added: (target) => found.push(target),
      removed() {},
    });
    stop = () => scanner.stop();
    for (const target of found) {
      const expected = PAGE_STATES[target.urn];
      expect(scanner.pageState(target), target.urn).toBe(
        expected === 'unknown' ? undefined : expected,
      );
    }
  });

  it('never takes a count summary (several types) for the member’s control', () => {
    expect(
      generationBState(
        element(
          '<button><img data-test-reactions-icon-type="LIKE"><img data-test-reactions-icon-type="EMPATHY"></button>',
        ),
      ),
    ).toBeUndefined();
  });
});
