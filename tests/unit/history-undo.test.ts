import { describe, expect, it } from 'vitest';
import { undoRequest } from '@/lib/history/undo';
import { admit } from '@/lib/messaging/serve';

const MESSAGE =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABk3Rx0BcWq7nVdL2fP9sHt4uYe6aZm1oQ8,2-MTc5NDk5MzI1NDY3MDMyNzUzMy0wMDEmZGEwNTA1YzItYjc3Yy00YmJjLTkzMWItMWMwYzEwZDZiYzg3XzEwMA==)';
const CONVERSATION =
  'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABk3Rx0BcWq7nVdL2fP9sHt4uYe6aZm1oQ8,2-ZGEwNTA1YzItYjc3Yy00YmJjLTkzMWItMWMwYzEwZDZiYzg3XzEwMA==)';
const POST = 'urn:li:activity:7391234567890123456';

describe('undo', () => {
  it('takes a message emoji away if the message has it, and gives it back if not', () => {
    const line = { kind: 'message', urn: MESSAGE, value: '🎉' } as const;
    const target = { kind: 'message', urn: MESSAGE, conversationUrn: CONVERSATION };
    expect(undoRequest(line, { active: ['👍', '🎉'] })).toEqual({
      target,
      value: '🎉',
      react: false,
    });
    expect(undoRequest(line, { active: ['👍'] })).toEqual({ target, value: '🎉', react: true });
  });

  it("removes a post's reaction whatever type it has now, or gives the line's type back", () => {
    const line = { kind: 'post', urn: POST, value: 'LIKE' } as const;
    const target = { kind: 'post', urn: POST };
    expect(undoRequest(line, { active: ['LIKE'] })).toEqual({
      target,
      value: 'LIKE',
      react: false,
    });
    // Switched to Love since: undoing removes Love, the target's latest state.
    expect(undoRequest(line, { active: ['EMPATHY'] })).toEqual({
      target,
      value: 'EMPATHY',
      react: false,
    });
    expect(undoRequest(line, { active: [] })).toEqual({ target, value: 'LIKE', react: true });
  });

  it('gives up on a message whose conversation cannot be derived', () => {
    expect(
      undoRequest({ kind: 'message', urn: 'urn:li:msg_message:x', value: '👍' }, { active: [] }),
    ).toBeNull();
  });
});

describe('history actions at the door', () => {
  const extension = { id: 'ext', origin: 'chrome-extension://ext' };
  const page = (path: string) => ({ id: 'ext', url: `chrome-extension://ext${path}` });

  it('undo comes from the popup and the history page only', () => {
    expect(admit('undoReaction', { id: 3 }, page('/popup.html'), extension).data).toEqual({
      id: 3,
    });
    expect(admit('undoReaction', { id: 3 }, page('/history.html'), extension).data).toEqual({
      id: 3,
    });
    expect(() => admit('undoReaction', { id: 3 }, page('/options.html'), extension)).toThrow();
    const linkedIn = { id: 'ext', url: 'https://www.linkedin.com/feed/', tab: { id: 4 } };
    expect(() => admit('undoReaction', { id: 3 }, linkedIn, extension)).toThrow();
    expect(() => admit('clearHistory', undefined, linkedIn, extension)).toThrow();
    expect(() => admit('undoReaction', { id: -1 }, page('/popup.html'), extension)).toThrow();
  });

  it('retention comes from the options page, within bounds', () => {
    const retention = { maxLines: 100_000, maxDays: null };
    expect(admit('setHistoryRetention', retention, page('/options.html'), extension).data).toEqual(
      retention,
    );
    expect(() => admit('setHistoryRetention', retention, page('/popup.html'), extension)).toThrow();
    expect(() =>
      admit(
        'setHistoryRetention',
        { maxLines: 5, maxDays: null },
        page('/options.html'),
        extension,
      ),
    ).toThrow();
  });
});
