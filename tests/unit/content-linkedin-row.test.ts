/** The rows' words about the LinkedIn connection in a frame (lib/content/linkedin-row.ts). */
import { describe, expect, it, vi } from 'vitest';
import { applyViewsChanged } from '@/lib/content/broadcasts';
import { createContentStore, type Slot } from '@/lib/content/frame-store';
import { ROW_INFO_MAX_AGE_MS, watchLinkedInRow } from '@/lib/content/linkedin-row';
import type { LinkedInRowInfo } from '@/lib/messaging/linkedin';

const POST = 'urn:li:activity:7402115930461724672';
const MESSAGE =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABcDeFg123,2-MTc2NzIyNTYwMDAwMGIxMjM0NS0wMDEmMGYzYzJhMWUtN2I0ZC00YzJhLTllMTEtNWE2YjdjOGQ5ZTBmXzEwMA==)';
const AS_YOU: LinkedInRowInfo = { reactsAs: 'you', warning: null };
const AS_PAGE: LinkedInRowInfo = { reactsAs: 'Northwind Labs', warning: null };

function slot(id: number, target: Slot['target']): Slot {
  return { id, target, host: document.createElement('div') };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const noViews = { request: () => {} };

describe('the rows’ connection words', () => {
  it('are asked once a post row may show them, not in a frame of messages only', async () => {
    const store = createContentStore();
    const ask = vi.fn(async () => AS_YOU);
    const watch = watchLinkedInRow(store, { ask });
    const conversationUrn = 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABcDeFg123,2-x)';
    store.setState({
      ready: { linkedin: true, connectsafely: true },
      postControls: true,
      slots: new Map([[1, slot(1, { kind: 'message', urn: MESSAGE, conversationUrn })]]),
    });
    await settle();
    expect(ask).not.toHaveBeenCalled();
    // Not ready (no connection): the quiet row needs no words either.
    store.setState({
      ready: { linkedin: false },
      slots: new Map([[2, slot(2, { kind: 'post', urn: POST })]]),
    });
    watch.rowFound();
    await settle();
    expect(ask).not.toHaveBeenCalled();
    store.setState({ ready: { linkedin: true } });
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(store.getState().linkedInRow).toEqual(AS_YOU);
    store.setState({ hovered: 2 });
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  it('are asked again after an accounts change, and an answer from before it is dropped', async () => {
    const store = createContentStore();
    store.setState({
      ready: { linkedin: true },
      postControls: true,
      slots: new Map([[2, slot(2, { kind: 'post', urn: POST })]]),
    });
    const answers = [deferred<LinkedInRowInfo | null>(), deferred<LinkedInRowInfo | null>()];
    const ask = vi.fn(() => answers[ask.mock.calls.length - 1]?.promise ?? Promise.resolve(null));
    const watch = watchLinkedInRow(store, { ask });
    watch.rowFound();
    expect(ask).toHaveBeenCalledTimes(1);
    // The actor changed in the popup while the first question was out.
    applyViewsChanged(store, noViews, { views: [], ready: { linkedin: true }, reset: true });
    answers[0]?.resolve(AS_YOU);
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
    expect(store.getState().linkedInRow).toBeUndefined();
    answers[1]?.resolve(AS_PAGE);
    await settle();
    expect(store.getState().linkedInRow).toEqual(AS_PAGE);
    watch.stop();
  });

  it('are asked again when the tab is shown after an hour', async () => {
    const store = createContentStore();
    store.setState({
      ready: { linkedin: true },
      postControls: true,
      slots: new Map([[2, slot(2, { kind: 'comment', urn: POST })]]),
    });
    let now = 1_000;
    const ask = vi.fn(async () => AS_YOU);
    const watch = watchLinkedInRow(store, { ask, now: () => now });
    watch.rowFound();
    await settle();
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    now += ROW_INFO_MAX_AGE_MS + 1;
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
    watch.stop();
  });
});
