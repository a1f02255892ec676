/** The frame's store follows the background's broadcasts. */
import { describe, expect, it, vi } from 'vitest';
import {
  applyBackgroundStarted,
  applyNotice,
  applyViewsChanged,
  OWN_REFUSAL_WINDOW_MS,
} from '@/lib/content/broadcasts';
import { createContentStore, type Slot } from '@/lib/content/frame-store';
import type { Notice } from '@/lib/reactions/types';

const HERE = 'urn:li:msg_message:here';
const ELSEWHERE = 'urn:li:msg_message:elsewhere';

function storeWithTarget(urn = HERE) {
  const store = createContentStore(['👍']);
  const slot: Slot = {
    id: 1,
    target: { kind: 'message', urn, conversationUrn: 'urn:li:msg_conversation:c' },
    host: document.createElement('reactbar-host'),
  };
  (store.getState().slots as Map<number, Slot>).set(slot.id, slot);
  return store;
}

function notice(code: Notice['code'], fixInAccounts: boolean, urn = HERE): Notice {
  return { urn, code, message: code, fixInAccounts, rolledBack: true };
}

describe('broadcasts', () => {
  it('keeps views of the targets in this frame only', () => {
    const store = storeWithTarget();
    applyViewsChanged(
      store,
      { request: vi.fn() },
      {
        views: [
          { urn: HERE, active: ['👍'], pending: [] },
          { urn: ELSEWHERE, active: ['👍'], pending: [] },
        ],
        ready: { connectsafely: true },
      },
    );
    expect(Object.keys(store.getState().views)).toEqual([HERE]);
    expect(store.getState().ready).toEqual({ connectsafely: true });
  });

  it('shows a notice on a target of this frame only', () => {
    const store = storeWithTarget();
    applyNotice(store, notice('rate-limited', false, ELSEWHERE));
    expect(store.getState().notices).toEqual({});
    applyNotice(store, notice('rate-limited', false));
    expect(store.getState().notices[HERE]?.code).toBe('rate-limited');
  });

  it('after accounts changed (reset), forgets the views, asks again, and clears notices whose fix was in Accounts', () => {
    const store = storeWithTarget();
    applyViewsChanged(
      store,
      { request: vi.fn() },
      {
        views: [{ urn: HERE, active: ['👍'], pending: [] }],
        ready: { connectsafely: true },
      },
    );
    applyNotice(store, notice('credential-refused', true), 1_000);
    const request = vi.fn();

    // The user fixed the key in Accounts and re-checked it.
    applyViewsChanged(
      store,
      { request },
      { views: [], ready: { connectsafely: true }, reset: true },
      9_000,
    );

    expect(store.getState().views).toEqual({});
    expect(request).toHaveBeenCalledWith(HERE);
    expect(store.getState().notices).toEqual({});
  });

  it("keeps a refused key's notice through the one reset the refusal causes, not the next", () => {
    const store = storeWithTarget();
    const reset = (at: number) =>
      applyViewsChanged(
        store,
        { request: vi.fn() },
        { views: [], ready: { connectsafely: true }, reset: true },
        at,
      );
    applyNotice(store, notice('credential-refused', true), 1_000);
    reset(1_000 + OWN_REFUSAL_WINDOW_MS - 1);
    expect(store.getState().notices[HERE]?.code).toBe('credential-refused');
    // However soon the user re-checks the key.
    reset(1_000 + OWN_REFUSAL_WINDOW_MS - 1);
    expect(store.getState().notices).toEqual({});
  });

  it('keeps, after a reset, notices that Accounts cannot fix', () => {
    const store = storeWithTarget();
    applyNotice(store, notice('rate-limited', false), 1_000);
    applyViewsChanged(
      store,
      { request: vi.fn() },
      { views: [], ready: { connectsafely: true }, reset: true },
      9_000,
    );
    expect(store.getState().notices[HERE]?.code).toBe('rate-limited');
  });

  it('asks again for views with a pending click when a new background worker starts', () => {
    const store = storeWithTarget();
    const views = { request: vi.fn() };
    applyViewsChanged(store, views, {
      views: [{ urn: HERE, active: ['👍'], pending: ['👍'] }],
      ready: { connectsafely: true },
    });
    applyBackgroundStarted(store, views);
    expect(views.request.mock.calls).toEqual([[HERE]]);
    // Settled views are not asked again.
    applyViewsChanged(store, views, {
      views: [{ urn: HERE, active: ['👍'], pending: [] }],
      ready: { connectsafely: true },
    });
    views.request.mockClear();
    applyBackgroundStarted(store, views);
    expect(views.request).not.toHaveBeenCalled();
  });
});
