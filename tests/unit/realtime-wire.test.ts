import { describe, expect, it } from 'vitest';
import {
  authFrame,
  CLOSE_CODES,
  parseServerFrame,
  pingFrame,
} from '@/lib/services/connectsafely/realtime/wire';

const REACTION = {
  type: 'reaction',
  seq: 7,
  id: 'evt_1',
  accountId: '65f1c2a9e4b0d71a3c8e5f20',
  conversationUrn: 'urn:li:msg_conversation:(urn:li:fsd_profile:A,2-abc=)',
  messageUrn: 'urn:li:msg_message:(urn:li:fsd_profile:A,2-def=)',
  emoji: '👍',
  react: false,
  at: 1767225600000,
};

describe('parseServerFrame', () => {
  it('decodes ready, reaction and pong frames into the client types', () => {
    expect(parseServerFrame('{"type":"ready","seq":0}')).toEqual({ kind: 'ready', latestSeq: 0 });
    expect(parseServerFrame('{"type":"pong"}')).toEqual({ kind: 'pong' });
    const { type: _type, ...event } = REACTION;
    expect(parseServerFrame(JSON.stringify(REACTION))).toEqual({ kind: 'event', event });
  });

  it('tolerates fields it does not know (a newer server)', () => {
    const frame = parseServerFrame(JSON.stringify({ ...REACTION, source: 'web' }));
    expect(frame).toMatchObject({ kind: 'event', event: { id: 'evt_1' } });
    expect(frame?.kind === 'event' && 'source' in frame.event).toBe(false);
  });

  it('takes an already-decoded value as well as JSON text', () => {
    expect(parseServerFrame({ type: 'ready', seq: 3 })).toEqual({ kind: 'ready', latestSeq: 3 });
  });

  it.each([
    ['not JSON', 'hello'],
    ['truncated JSON', '{"type":"ready",'],
    ['an empty string', ''],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[{"type":"pong"}]'],
    ['an unknown type', '{"type":"error","message":"Unknown frame"}'],
    ['ready without seq', '{"type":"ready"}'],
    ['a negative seq', '{"type":"ready","seq":-1}'],
    ['a fractional seq', '{"type":"ready","seq":1.5}'],
    ['a string seq', JSON.stringify({ ...REACTION, seq: '7' })],
    ['an empty id', JSON.stringify({ ...REACTION, id: '' })],
    ['react as a string', JSON.stringify({ ...REACTION, react: 'true' })],
    ['a missing messageUrn', JSON.stringify({ ...REACTION, messageUrn: undefined })],
    ['binary data', new ArrayBuffer(8)],
    ['undefined', undefined],
  ])('gives null, without throwing, for %s', (_label, raw) => {
    expect(parseServerFrame(raw)).toBeNull();
  });
});

describe('client frames', () => {
  it('builds the auth frame with the resume cursor, null meaning "from now"', () => {
    expect(JSON.parse(authFrame('cs_key', 12))).toEqual({
      type: 'auth',
      apiKey: 'cs_key',
      resumeFrom: 12,
    });
    expect(JSON.parse(authFrame('cs_key', null))).toMatchObject({ resumeFrom: null });
  });

  it('builds the ping frame', () => {
    expect(JSON.parse(pingFrame())).toEqual({ type: 'ping' });
  });

  it('names the unauthorized close code of the contract', () => {
    expect(CLOSE_CODES.unauthorized).toBe(4401);
  });
});
