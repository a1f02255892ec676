/**
 * Undo from a history line: the opposite of the target's latest state, as one click would make
 * it. Pure; the background reads the line and the view and sends the request to the engine.
 */
import { KINDS } from '../kinds/registry';
import type { ReactRequest } from '../messaging/protocol';
import type { HistoryEntry, TargetRef, TargetView } from '../reactions/types';
import { parseMessageUrn } from '../urn';

/** The target a line is about, as a react request names it; null if it cannot be rebuilt. */
export function targetOfLine(
  line: Pick<HistoryEntry, 'kind' | 'urn' | 'parentUrn'>,
): TargetRef | null {
  if (line.kind !== 'message') return { kind: line.kind, urn: line.urn };
  const conversationUrn = parseMessageUrn(line.urn)?.conversationUrn;
  return conversationUrn ? { kind: 'message', urn: line.urn, conversationUrn } : null;
}

/**
 * The click that undoes what the target shows now. Messages (many emoji): the line's emoji,
 * off if the target has it, on if not. Posts and comments (one type): the target's reaction
 * removed if it has one (whichever type it is now), else the line's type given again.
 */
export function undoRequest(
  line: Pick<HistoryEntry, 'kind' | 'urn' | 'parentUrn' | 'value'>,
  view: Pick<TargetView, 'active'>,
): ReactRequest | null {
  const target = targetOfLine(line);
  if (!target || !line.value) return null;
  if (KINDS[line.kind].model === 'many') {
    return { target, value: line.value, react: !view.active.includes(line.value) };
  }
  const [current] = view.active;
  return current
    ? { target, value: current, react: false }
    : { target, value: line.value, react: true };
}
