import { describe, expect, it } from 'vitest';
import {
  findCommentUrn,
  parseCommentUrn,
  parseMessageUrn,
  parsePostUrn,
  postUrnFromHref,
  shareUrnFromComponentKey,
  threadIdFromPath,
} from '@/lib/urn';

// The worked example of ../shared/linkedin-dom.md.
const VIEWER = 'urn:li:fsd_profile:ACoAABcDeFg123';
const MESSAGE_ID =
  '2-MTc2NzIyNTYwMDAwMGIxMjM0NS0wMDEmMGYzYzJhMWUtN2I0ZC00YzJhLTllMTEtNWE2YjdjOGQ5ZTBmXzEwMA==';
const THREAD_ID = '2-MGYzYzJhMWUtN2I0ZC00YzJhLTllMTEtNWE2YjdjOGQ5ZTBmXzEwMA==';

describe('parsePostUrn', () => {
  it.each([
    'urn:li:activity:7254000000000000001',
    'urn:li:share:7254000000000000002',
    'urn:li:ugcPost:7254000000000000003',
  ])('accepts %s', (urn) => {
    expect(parsePostUrn(urn)).toBe(urn);
  });

  it.each([
    'urn:li:aggregate:(urn:li:activity:1,2)',
    'urn:li:activity:',
    'urn:li:activity:12a',
    'urn:li:person:abc',
    'activity:123',
    '',
    null,
    undefined,
  ])('refuses %s', (value) => {
    expect(parsePostUrn(value)).toBeNull();
  });
});

describe('parseCommentUrn', () => {
  it('normalizes the short form to the full form', () => {
    expect(parseCommentUrn('urn:li:comment:(activity:7254,99)')).toEqual({
      urn: 'urn:li:comment:(urn:li:activity:7254,99)',
      postUrn: 'urn:li:activity:7254',
    });
  });

  it('keeps the full form and ugcPost parents', () => {
    expect(parseCommentUrn('urn:li:comment:(urn:li:activity:1,2)')?.urn).toBe(
      'urn:li:comment:(urn:li:activity:1,2)',
    );
    expect(parseCommentUrn('urn:li:comment:(ugcPost:5,6)')).toEqual({
      urn: 'urn:li:comment:(urn:li:ugcPost:5,6)',
      postUrn: 'urn:li:ugcPost:5',
    });
  });

  it.each([
    'urn:li:comment:(activity:1)',
    'urn:li:comment:(person:1,2)',
    'urn:li:comment:activity:1,2',
    'urn:li:comment:(activity:1,2',
    'urn:li:comment:(activity:x,2)',
    '',
    null,
  ])('refuses %s', (value) => {
    expect(parseCommentUrn(value)).toBeNull();
  });

  it('finds a comment URN inside a component key', () => {
    expect(findCommentUrn('replaceableComment_urn:li:comment:(activity:7,8)')?.urn).toBe(
      'urn:li:comment:(urn:li:activity:7,8)',
    );
    expect(findCommentUrn('CommentComponentReference_nothing')).toBeNull();
  });
});

describe('post URNs in generation-B markup', () => {
  it('reads /feed/update/ links, encoded or not', () => {
    expect(postUrnFromHref('/feed/update/urn:li:activity:123/')).toBe('urn:li:activity:123');
    expect(
      postUrnFromHref('https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A456/?x=1'),
    ).toBe('urn:li:activity:456');
    expect(postUrnFromHref('/feed/update/urn:li:ugcPost:9')).toBe('urn:li:ugcPost:9');
  });

  it('ignores other links and malformed escapes', () => {
    expect(postUrnFromHref('/posts/someone-share-7254/')).toBeNull();
    expect(postUrnFromHref('/feed/update/urn:li:aggregate:1/')).toBeNull();
    expect(postUrnFromHref('/feed/update/%E0%A4%A/')).toBeNull();
    expect(postUrnFromHref(null)).toBeNull();
  });

  it('reads shareId from a component key', () => {
    expect(shareUrnFromComponentKey('socialDetail_shareId=7254000_FeedType')).toBe(
      'urn:li:share:7254000',
    );
    expect(shareUrnFromComponentKey('parentShareId=1')).toBeNull();
    expect(shareUrnFromComponentKey('shareId=abc')).toBeNull();
  });
});

describe('parseMessageUrn', () => {
  it('derives the conversation of the worked example', () => {
    const parsed = parseMessageUrn(`urn:li:msg_message:(${VIEWER},${MESSAGE_ID})`);
    expect(parsed).toEqual({
      messageUrn: `urn:li:msg_message:(${VIEWER},${MESSAGE_ID})`,
      conversationUrn: `urn:li:msg_conversation:(${VIEWER},${THREAD_ID})`,
      threadId: THREAD_ID,
      viewer: VIEWER,
    });
  });

  it('handles base64 with + and /', () => {
    const thread = 'fbff3f3e-0000-4000-8000-00000000fbff_0';
    const id = `2-${btoa(`1767225600000abc-007&${thread}`)}`;
    const parsed = parseMessageUrn(`urn:li:msg_message:(${VIEWER},${id})`);
    expect(parsed?.threadId).toBe(`2-${btoa(thread)}`);
  });

  it.each([
    ['not base64', `urn:li:msg_message:(${VIEWER},2-@@@@)`],
    ['wrong padding', `urn:li:msg_message:(${VIEWER},2-MTc2=)`],
    ['no ampersand', `urn:li:msg_message:(${VIEWER},2-${btoa('1767225600000b-001')})`],
    ['junk thread', `urn:li:msg_message:(${VIEWER},2-${btoa('1767&<script>')})`],
    ['conversation instead', `urn:li:msg_conversation:(${VIEWER},${THREAD_ID})`],
    ['no viewer', `urn:li:msg_message:(${MESSAGE_ID})`],
    ['empty', ''],
  ])('refuses %s', (_label, value) => {
    expect(parseMessageUrn(value)).toBeNull();
  });

  it('reads the thread id from a messaging URL', () => {
    expect(threadIdFromPath(`/messaging/thread/${encodeURIComponent(THREAD_ID)}/`)).toBe(THREAD_ID);
    expect(threadIdFromPath('/feed/')).toBeNull();
    expect(threadIdFromPath('/messaging/thread/%E0%A4%A/')).toBeNull();
  });
});
