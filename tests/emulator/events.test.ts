import { describe, expect, it } from 'vitest';
import { EventHub, HELD_EVENTS_PER_KEY } from './events';

const input = (emoji: string) => ({
  accountId: 'a'.repeat(24),
  conversationUrn: 'urn:li:msg_conversation:(x,2-y)',
  messageUrn: 'urn:li:msg_message:(x,2-z)',
  emoji,
  react: true,
  at: 1,
});

describe('EventHub', () => {
  it('numbers events per key from 1', () => {
    const hub = new EventHub();
    expect(hub.latestSeq('k')).toBe(0);
    expect(hub.publish('k', input('👍')).seq).toBe(1);
    expect(hub.publish('k', input('👍')).seq).toBe(2);
    expect(hub.publish('other', input('👍')).seq).toBe(1);
    expect(hub.latestSeq('k')).toBe(2);
  });

  it(`holds only the last ${HELD_EVENTS_PER_KEY} events of a key`, () => {
    const hub = new EventHub();
    for (let index = 0; index < HELD_EVENTS_PER_KEY + 5; index += 1) hub.publish('k', input('👍'));
    const held = hub.eventsAfter('k', 0);
    expect(held).toHaveLength(HELD_EVENTS_PER_KEY);
    expect(held[0]?.seq).toBe(6);
    expect(held.at(-1)?.seq).toBe(HELD_EVENTS_PER_KEY + 5);
    expect(hub.eventsAfter('k', HELD_EVENTS_PER_KEY + 3).map((event) => event.seq)).toEqual([
      HELD_EVENTS_PER_KEY + 4,
      HELD_EVENTS_PER_KEY + 5,
    ]);
  });

  it('delivers to listeners of the key until they unsubscribe', () => {
    const hub = new EventHub();
    const seen: number[] = [];
    const unsubscribe = hub.subscribe('k', (event) => seen.push(event.seq));
    hub.publish('k', input('👍'));
    hub.publish('other', input('👍'));
    unsubscribe();
    hub.publish('k', input('👍'));
    expect(seen).toEqual([1]);
  });

  it('forgets sequences and events on reset', () => {
    const hub = new EventHub();
    hub.publish('k', input('👍'));
    hub.reset();
    expect(hub.latestSeq('k')).toBe(0);
    expect(hub.eventsAfter('k', 0)).toEqual([]);
    expect(hub.publish('k', input('👍')).seq).toBe(1);
  });
});
