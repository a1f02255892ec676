/** History lines: URNs, values, times and links only (LinkedIn forbids storing profile data). */
import type { HistoryEntry, TargetRef } from '../reactions/types';
import { parseCommentUrn } from '../urn';
import type { Intent, RemoteChange, SlotState } from './types';

/** The value a line is about: what was set, or what a removal took away. */
function lineValue(facet: string, state: SlotState, previous: SlotState): string {
  return facet || state || previous || '';
}

export function ownLine(
  intent: Intent,
  state: SlotState,
  previous: SlotState,
  outcome: HistoryEntry['outcome'],
  at: number,
  error?: string,
): HistoryEntry {
  return {
    at,
    service: intent.service,
    kind: intent.target.kind,
    urn: intent.target.urn,
    parentUrn: parentOf(intent.target),
    value: lineValue(intent.facet, state, previous),
    react: state !== null,
    actor: intent.actor,
    source: 'own',
    outcome,
    ...(error ? { error } : {}),
    link: linkTo(intent.target),
    ...(intent.snippet ? { snippet: intent.snippet } : {}),
  };
}

export function remoteLine(change: RemoteChange, previous: SlotState): HistoryEntry {
  return {
    at: change.at,
    service: change.service,
    kind: change.target.kind,
    urn: change.target.urn,
    parentUrn: parentOf(change.target),
    value: lineValue(change.facet, change.state, previous),
    react: change.state !== null,
    actor: change.actor,
    source: 'remote',
    outcome: 'applied',
    link: linkTo(change.target),
  };
}

/** A message's conversation, a comment's post. */
export function parentOf(target: TargetRef): string | undefined {
  if (target.kind === 'message') return target.conversationUrn;
  if (target.kind === 'comment') return parseCommentUrn(target.urn)?.postUrn;
  return undefined;
}

/** Where the target can be opened on LinkedIn. */
export function linkTo(target: TargetRef): string {
  if (target.kind === 'message') {
    const threadId = target.conversationUrn.match(/,(2-[^)]+)\)$/)?.[1] ?? '';
    return `https://www.linkedin.com/messaging/thread/${encodeURIComponent(threadId)}/`;
  }
  const postUrn = target.kind === 'comment' ? (parentOf(target) ?? '') : target.urn;
  return `https://www.linkedin.com/feed/update/${postUrn}/`;
}
