/** A realtime event, as the engine takes it: a change of one emoji on one message. */

import { normalizeEmoji } from '../../emoji/normalize';
import { isSingleEmoji } from '../../emoji/single';
import type { RemoteChange } from '../../engine/types';
import { parseMessageUrn } from '../../urn';
import type { RealtimeEvent } from './realtime/wire';

/** Null for an event whose URNs disagree or whose emoji is not one emoji: nothing to apply. */
export function remoteChangeOf(event: RealtimeEvent): RemoteChange | null {
  // The socket's URNs must agree with each other, as the page's do, and the emoji be one.
  if (parseMessageUrn(event.messageUrn)?.conversationUrn !== event.conversationUrn) return null;
  const emoji = normalizeEmoji(event.emoji);
  if (!isSingleEmoji(emoji)) return null;
  return {
    service: 'connectsafely',
    actor: event.accountId,
    target: { kind: 'message', urn: event.messageUrn, conversationUrn: event.conversationUrn },
    facet: emoji,
    state: event.react ? emoji : null,
    at: event.at,
  };
}
