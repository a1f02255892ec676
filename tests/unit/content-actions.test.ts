/** The bar's actions act for trusted (a person's) events only, whichever control sent them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('@/lib/messaging/protocol', () => ({ backgroundMessenger: { sendMessage } }));

const { createBarActions } = await import('@/lib/content/actions');
const { createContentStore } = await import('@/lib/content/frame-store');

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
