import { describe, expect, it } from 'vitest';
import {
  checkReactTarget,
  decodeStrictSegment,
  parseConversationUrn,
  parseMessageUrn,
} from './connectsafely/message-urns';
import { buildMessageFixture } from './fixtures';

const PROFILE = 'ACoAAD3mPqQBx7Kp2QmZ9aLs8vT1nYhR4wE';
// The worked example of the project's DOM notes.
const EXAMPLE_MESSAGE_ID =
  '2-MTc2NzIyNTYwMDAwMGIxMjM0NS0wMDEmMGYzYzJhMWUtN2I0ZC00YzJhLTllMTEtNWE2YjdjOGQ5ZTBmXzEwMA==';
const EXAMPLE_THREAD_ID = '2-MGYzYzJhMWUtN2I0ZC00YzJhLTllMTEtNWE2YjdjOGQ5ZTBmXzEwMA==';

const enc = encodeURIComponent;

describe('message URNs', () => {
  it('derives the thread of the worked example', () => {
    const parsed = parseMessageUrn(
      `urn:li:msg_message:(urn:li:fsd_profile:${PROFILE},${EXAMPLE_MESSAGE_ID})`,
    );
    expect(parsed).toEqual({ profileId: PROFILE, threadId: EXAMPLE_THREAD_ID });
  });

  it('builds fixtures that match the worked example', () => {
    const fixture = buildMessageFixture({ profileId: PROFILE });
    expect(fixture.threadId).toBe(EXAMPLE_THREAD_ID);
    expect(fixture.messageUrn).toContain(EXAMPLE_MESSAGE_ID);
    expect(parseConversationUrn(fixture.conversationUrn)).toEqual({
      profileId: PROFILE,
      threadId: EXAMPLE_THREAD_ID,
    });
  });

  it('rejects a message whose payload is not <epochMs><hex>-<seq>&<thread>_<shard>', () => {
    const payload = Buffer.from('hello&world').toString('base64');
    expect(
      parseMessageUrn(`urn:li:msg_message:(urn:li:fsd_profile:${PROFILE},2-${payload})`),
    ).toBeNull();
  });

  it('rejects base64 that does not re-encode to itself', () => {
    const truncated = EXAMPLE_MESSAGE_ID.replace(/==$/, '');
    expect(
      parseMessageUrn(`urn:li:msg_message:(urn:li:fsd_profile:${PROFILE},${truncated})`),
    ).toBeNull();
  });

  it('rejects other URN kinds', () => {
    expect(parseConversationUrn('urn:li:activity:123')).toBeNull();
    expect(
      parseMessageUrn(
        `urn:li:msg_conversation:(urn:li:fsd_profile:${PROFILE},${EXAMPLE_THREAD_ID})`,
      ),
    ).toBeNull();
  });
});

describe('decodeStrictSegment', () => {
  it('decodes what encodeURIComponent made (parentheses stay raw)', () => {
    expect(enc('urn:li:x:(a,b=)')).toBe('urn%3Ali%3Ax%3A(a%2Cb%3D)');
    expect(decodeStrictSegment(enc('urn:li:x:(a,b=)'))).toBe('urn:li:x:(a,b=)');
  });

  it('also accepts encoded parentheses', () => {
    expect(decodeStrictSegment('urn%3Ali%3Ax%3A%28a%2Cb%29')).toBe('urn:li:x:(a,b)');
  });

  it.each([
    ['a raw colon', 'urn:li:x'],
    ['a raw slash', 'a/b'],
    ['a raw comma', 'urn%3Ali%3Ax%3A%28a,b%29'],
    ['a raw equals sign', 'abc%3D='],
    ['a raw plus sign', 'a+b'],
    ['lower-case hex', 'urn%3ali'],
    ['a broken escape', 'urn%3'],
  ])('refuses %s', (_name, raw) => {
    expect(decodeStrictSegment(raw)).toBeNull();
  });
});

describe('checkReactTarget', () => {
  const fixture = buildMessageFixture({ profileId: PROFILE });

  it('accepts a message of the conversation', () => {
    const checked = checkReactTarget(enc(fixture.conversationUrn), enc(fixture.messageUrn));
    expect(checked).toEqual({
      ok: true,
      value: { conversationUrn: fixture.conversationUrn, messageUrn: fixture.messageUrn },
    });
  });

  it('names the badly encoded URN', () => {
    expect(checkReactTarget(fixture.conversationUrn, enc(fixture.messageUrn))).toEqual({
      ok: false,
      error: 'conversationUrn must be URL-encoded',
    });
    expect(checkReactTarget(enc(fixture.conversationUrn), fixture.messageUrn)).toEqual({
      ok: false,
      error: 'messageUrn must be URL-encoded',
    });
  });

  it('refuses a message from another thread', () => {
    const other = buildMessageFixture({ profileId: PROFILE, threadUuid: 'aaaa-bbbb', shard: 7 });
    const checked = checkReactTarget(enc(fixture.conversationUrn), enc(other.messageUrn));
    expect(checked).toEqual({
      ok: false,
      error: 'The message does not belong to this conversation',
    });
  });

  it('refuses URNs from two mailboxes', () => {
    const other = buildMessageFixture({ profileId: 'ACoAAAnotherMailbox' });
    const checked = checkReactTarget(enc(fixture.conversationUrn), enc(other.messageUrn));
    expect(checked.ok).toBe(false);
  });

  it('refuses a swapped pair', () => {
    const checked = checkReactTarget(enc(fixture.messageUrn), enc(fixture.conversationUrn));
    expect(checked.ok).toBe(false);
  });
});
