/** The bar's actions act for trusted (a person's) events only, whichever control sent them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('@/lib/messaging/protocol', () => ({
  backgroundMessenger: { sendMessage },
  REFUSED_MESSAGE_ERROR: 'RefusedMessageError',
}));

const { createBarActions } = await import('@/lib/content/actions');
const { linkedInNoticeWords } = await import('@/lib/services/linkedin/words');
const { createContentStore } = await import('@/lib/content/frame-store');
const { setCatalogue } = await import('./support/i18n');

const slot = {
  id: 1,
  target: { kind: 'message' as const, urn: 'urn:li:msg_message:1', conversationUrn: 'urn:c' },
  host: document.createElement('div'),
};
const trusted = { isTrusted: true };
const synthetic = { isTrusted: false };

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockReset();
  sendMessage.mockReturnValue(new Promise(() => {}));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('bar actions', () => {
  it('react, open the picker and open Accounts for a trusted event', async () => {
    const store = createContentStore(['👍']);
    const actions = createBarActions(store);
    expect(actions.toggle(trusted, slot, '👍', true)).toBe(true);
    expect(store.getState().views[slot.target.urn]).toEqual({
      urn: slot.target.urn,
      active: ['👍'],
      pending: ['👍'],
    });
    // The reaction is sent once the frame showing it is out.
    expect(sendMessage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage.mock.calls.map(([name]) => name)).toEqual(['react']);
    actions.openPicker(trusted, slot);
    expect(store.getState().pickerFor).toBe(slot.id);
    actions.openAccounts(trusted);
    expect(sendMessage.mock.calls.map(([name]) => name)).toEqual(['react', 'openAccounts']);
  });

  it('do nothing for an untrusted (page script) event', async () => {
    const store = createContentStore(['👍']);
    const actions = createBarActions(store);
    const before = store.getState();
    expect(actions.toggle(synthetic, slot, '👍', true)).toBe(false);
    actions.openPicker(synthetic, slot);
    actions.openAccounts(synthetic);
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(store.getState()).toBe(before);
  });
});

describe('bar actions on posts and comments', () => {
  const post = {
    id: 2,
    target: { kind: 'post' as const, urn: 'urn:li:activity:1' },
    host: document.createElement('div'),
  };

  it('paint one reaction at a time: a new type replaces the old one', async () => {
    const store = createContentStore();
    store.setState({ ready: { linkedin: true } });
    const actions = createBarActions(store);
    actions.toggle(trusted, post, 'LIKE', true);
    actions.toggle(trusted, post, 'EMPATHY', true);
    expect(store.getState().views[post.target.urn]).toEqual({
      urn: post.target.urn,
      active: ['EMPATHY'],
      pending: ['LIKE', 'EMPATHY'],
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage.mock.calls.map(([, data]) => data)).toEqual([
      { target: post.target, value: 'LIKE', react: true },
      { target: post.target, value: 'EMPATHY', react: true },
    ]);
  });

  it('without a LinkedIn connection, send nothing and say to connect, in the backend’s words', async () => {
    const store = createContentStore();
    store.setState({ ready: { linkedin: false, connectsafely: true } });
    const actions = createBarActions(store);
    expect(actions.toggle(trusted, post, 'LIKE', true)).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(store.getState().views).toEqual({});
    const notice = store.getState().notices[post.target.urn];
    expect(notice?.code).toBe('not-connected');
    expect(notice?.fixInAccounts).toBe(true);
    expect(notice?.message).toBe(linkedInNoticeWords('credential', { rolledBack: true }));
    // Messages keep working meanwhile.
    expect(actions.toggle(trusted, slot, '👍', true)).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('words what the page itself says from the catalogue: German in a German browser', async () => {
    setCatalogue('de');
    const store = createContentStore(['👍']);
    store.setState({ ready: { linkedin: false, connectsafely: true } });
    const actions = createBarActions(store);
    actions.toggle(trusted, post, 'LIKE', true);
    expect(store.getState().notices[post.target.urn]?.message).toBe(
      'Verbinden Sie LinkedIn, um von hier aus auf Beiträge und Kommentare zu reagieren.',
    );
    // The background cannot be reached (the extension was updated): the click is rolled back.
    sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    actions.toggle(trusted, slot, '👍', true);
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getState().views[slot.target.urn]?.active ?? []).toEqual([]);
    expect(store.getState().notices[slot.target.urn]).toMatchObject({
      code: 'offline',
      message:
        'Reactbar hat seinen Hintergrunddienst nicht erreicht (vielleicht wurde Reactbar aktualisiert). Laden Sie die Seite neu und versuchen Sie es erneut.',
    });
  });
});
