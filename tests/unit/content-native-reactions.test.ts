/**
 * Following LinkedIn's own reaction control after load (lib/content/native-reactions.ts): a
 * person's click inside a post has its control watched, and a change of what it shows is told;
 * what a frame does with it (the background with LinkedIn connected, the row itself without).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContentStore } from '@/lib/content/frame-store';
import {
  type ClickLike,
  createPageReports,
  WATCH_MS,
  watchNativeReactions,
} from '@/lib/content/native-reactions';
import type { FoundTarget } from '@/lib/content/scanner';
import { postGenerationA } from '@/lib/kinds/post/surface';

const URN = 'urn:li:activity:7402115930461724672';

function card(): { target: FoundTarget; like: HTMLButtonElement; text: HTMLElement } {
  const element = document.createElement('div');
  element.className = 'feed-shared-update-v2';
  element.setAttribute('data-urn', URN);
  element.innerHTML = `
    <p class="text">Post text</p>
    <reactbar-host></reactbar-host>
    <div class="feed-shared-social-action-bar">
      <button class="react-button__trigger" aria-pressed="false" aria-label="React Like">Like</button>
      <button class="comment-button">Comment</button>
    </div>`;
  document.body.append(element);
  const host = element.querySelector('reactbar-host') as HTMLElement;
  const like = element.querySelector('button.react-button__trigger') as HTMLButtonElement;
  const text = element.querySelector('.text') as HTMLElement;
  return {
    target: { kind: 'post', urn: URN, element, host, surface: postGenerationA },
    like,
    text,
  };
}

const press = (like: HTMLElement, type = 'Like') => {
  like.setAttribute('aria-pressed', 'true');
  like.classList.add('react-button--active');
  like.setAttribute('aria-label', `Unreact ${type}`);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watching LinkedIn’s own control after a click', () => {
  let abort: AbortController;
  let changes: [string, string | null][];
  let click: (event: ClickLike) => void;
  let found: ReturnType<typeof card>;

  beforeEach(() => {
    abort = new AbortController();
    changes = [];
    found = card();
    click = watchNativeReactions(
      document,
      {
        targetContaining: (node) =>
          node instanceof Node && found.target.element.contains(node) ? found.target : undefined,
        pageState: (target) => target.surface.readState?.(target.element),
        changed: (target, state) => changes.push([target.urn, state]),
      },
      abort.signal,
    );
  });

  afterEach(() => {
    abort.abort();
    found.target.element.remove();
    vi.useRealTimers();
  });

  it('tells each change LinkedIn shows after a person’s click on it', async () => {
    click({ isTrusted: true, target: found.like });
    press(found.like);
    await settle();
    expect(changes).toEqual([[URN, 'LIKE']]);
    // Its menu: another type a moment later, then unreacted.
    found.like.setAttribute('aria-label', 'Unreact Celebrate');
    await settle();
    found.like.setAttribute('aria-pressed', 'false');
    found.like.classList.remove('react-button--active');
    await settle();
    expect(changes).toEqual([
      [URN, 'LIKE'],
      [URN, 'PRAISE'],
      [URN, null],
    ]);
  });

  it('ignores a page script’s click, a click on our own row, and changes of other things', async () => {
    click({ isTrusted: false, target: found.like });
    click({ isTrusted: true, target: found.target.host });
    press(found.like);
    await settle();
    expect(changes).toEqual([]);
    click({ isTrusted: true, target: found.text });
    found.text.className = 'text expanded';
    found.text.append(' …more');
    await settle();
    expect(changes).toEqual([]);
  });

  it('stops watching a while after the last click', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    click({ isTrusted: true, target: found.like });
    vi.advanceTimersByTime(WATCH_MS + 1);
    vi.useRealTimers();
    press(found.like);
    await settle();
    expect(changes).toEqual([]);
  });
});

describe('what a frame does with a change', () => {
  it('tells the background with LinkedIn connected, shows it itself without, nothing when off', () => {
    const { target } = card();
    const store = createContentStore();
    const send = vi.fn(async () => {});
    const reports = createPageReports(store, () => undefined, send);
    store.setState({ postControls: true, ready: { linkedin: true } });
    reports.report(target, 'EMPATHY');
    expect(send).toHaveBeenCalledWith({ target: { kind: 'post', urn: URN }, state: 'EMPATHY' });
    expect(store.getState().views[URN]).toBeUndefined();

    store.setState({ ready: { linkedin: false } });
    reports.report(target, 'EMPATHY');
    expect(store.getState().views[URN]).toEqual({ urn: URN, active: ['EMPATHY'], pending: [] });
    reports.report(target, null);
    expect(store.getState().views[URN]).toBeUndefined();

    store.setState({ postControls: false, ready: { linkedin: true } });
    reports.report(target, 'LIKE');
    expect(send).toHaveBeenCalledTimes(1);
    target.element.remove();
  });

  it('tells a new worker what the old one never answered, as the page shows it now', async () => {
    const { target, like } = card();
    const store = createContentStore();
    store.setState({ postControls: true, ready: { linkedin: true } });
    const answers: { resolve(): void; reject(error: Error): void }[] = [];
    const send = vi.fn(
      () => new Promise<void>((resolve, reject) => answers.push({ resolve, reject })),
    );
    const reports = createPageReports(
      store,
      (found) => postGenerationA.readState?.(found.element),
      send,
    );
    reports.report(target, 'LIKE');
    // The worker dies while it writes the change down: the message port closes unanswered.
    answers[0]?.reject(new Error('The message port closed before a response was received.'));
    await settle();
    // Meanwhile the member took the reaction back on LinkedIn's page.
    like.setAttribute('aria-pressed', 'false');
    reports.resendUnanswered();
    expect(send).toHaveBeenLastCalledWith({ target: { kind: 'post', urn: URN }, state: null });
    answers[1]?.resolve();
    await settle();
    // Answered: nothing left to tell another worker.
    reports.resendUnanswered();
    expect(send).toHaveBeenCalledTimes(2);
    target.element.remove();
  });

  it('does not resend an answered change, nor one for a target no longer on the page', async () => {
    const { target } = card();
    const store = createContentStore();
    store.setState({ postControls: true, ready: { linkedin: true } });
    let fail = true;
    const send = vi.fn(async () => {
      if (fail) throw new Error('no worker');
    });
    const reports = createPageReports(store, () => null, send);
    reports.report(target, 'LIKE');
    await settle();
    target.element.remove();
    reports.resendUnanswered();
    expect(send).toHaveBeenCalledTimes(1);
    fail = false;
    const other = card();
    reports.report(other.target, 'LIKE');
    await settle();
    reports.resendUnanswered();
    expect(send).toHaveBeenCalledTimes(2);
    other.target.element.remove();
  });
});
