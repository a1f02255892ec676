/**
 * LinkedIn as the engine sees it: post and comment reactions in the one model (at most one
 * reaction type per actor and target), acting as the member or a page with a stored token.
 *
 * Setting a type must be right whichever way LinkedIn answers a create where the actor already
 * reacted (undocumented): if it replaces the type, the create is all it takes; if it answers
 * 409 Conflict, the old reaction is deleted and the create sent again, and a failure after the
 * 409 is partlyApplied (the service holds a reaction the engine may not know of). Removing sends
 * a delete, and a 404 (nothing there) is what was asked. Every step sets a state, so the whole
 * is safe to repeat after a killed worker: the engine resends the latest intent.
 */
import type { Backend, Failure, Identity, NotReady, SendRequest } from '../../engine/types';
import { isRetryable, ServiceError } from '../../engine/types';
import { parseCommentUrn, parsePostUrn } from '../../urn';
import { isReactionType, type LinkedInClient } from './client';
import { linkedInNoticeWords } from './words';

export interface LinkedInBackendDeps {
  /** Who reacts now: the stored token's id and the person or organization URN. */
  identity(): Promise<Identity | NotReady>;
  /** A client with the stored token of that id; null once the token was removed. */
  clientFor(credentialId: string): Promise<LinkedInClient | null>;
  /** LinkedIn refused the token (expired, revoked): mark it so the popup says "Reconnect". */
  tokenRefused(credentialId: string, failure: Failure): void;
}

export interface LinkedInBackend extends Backend {
  /**
   * The actor's reactions on these targets as LinkedIn has them (type, or null for none), to
   * confirm what the page shows. Null when the token may not read reactions (r_member_social is
   * rare): rely on the page's state and the engine's confirmed state then. Throws ServiceError
   * for other failures.
   */
  readStates(
    identity: Identity,
    urns: readonly string[],
  ): Promise<Map<string, string | null> | null>;
}

/** The URN the Reactions API takes for a target: a post's own, a comment's full form. */
function entityOf(target: SendRequest['target']): string {
  const entity =
    target.kind === 'post'
      ? parsePostUrn(target.urn)
      : target.kind === 'comment'
        ? (parseCommentUrn(target.urn)?.urn ?? null)
        : null;
  if (!entity) {
    throw new ServiceError({
      kind: 'invalid-request',
      detail: `${target.urn} is not a LinkedIn post or comment.`,
    });
  }
  return entity;
}

export function createLinkedInBackend(deps: LinkedInBackendDeps): LinkedInBackend {
  /** Tokens LinkedIn answered 403 on a read with: not asked again while this worker lives. */
  const cannotRead = new Set<string>();

  async function clientOf(credentialId: string): Promise<LinkedInClient> {
    const client = await deps.clientFor(credentialId);
    if (!client) {
      throw new ServiceError({
        kind: 'credential-refused',
        detail: 'The LinkedIn token for this reaction was removed.',
      });
    }
    return client;
  }

  return {
    service: 'linkedin',
    model: 'one',
    identity: () => deps.identity(),

    async send({ identity, target, state }) {
      const entity = entityOf(target);
      if (state !== null && !isReactionType(state)) {
        // MAYBE (retired) included: LinkedIn would refuse it, so it is never sent.
        throw new ServiceError({
          kind: 'invalid-request',
          detail: `${state} is not a LinkedIn reaction type Reactbar sends.`,
        });
      }
      const client = await clientOf(identity.credentialId);
      const key = { actor: identity.actor, entity };
      if (state === null) {
        // 'absent' (404): already gone, which is what was asked.
        await client.deleteReaction(key);
        return;
      }
      const call = { ...key, reactionType: state };
      if ((await client.createReaction(call)) === 'created') return;
      // 409: the actor has a reaction there and LinkedIn keeps it. It may be ours: a copy of this
      // very create that the browser sent twice, or an earlier try whose answer was lost. So
      // from here on, a failure does not mean nothing was applied: the service holds (or held)
      // a reaction the engine may not know of, and the latest intent must be sent again.
      let removed = false;
      try {
        await client.deleteReaction(key);
        removed = true;
        if ((await client.createReaction(call)) === 'conflict') {
          // Someone reacted again in between: try the whole switch again shortly.
          throw new ServiceError({
            kind: 'server-error',
            detail: 'LinkedIn kept a reaction Reactbar had just removed (409).',
          });
        }
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        // A create refused outright after the delete landed leaves no reaction at all.
        const refused = removed && !isRetryable(error.failure.kind);
        throw new ServiceError({
          ...error.failure,
          partlyApplied: true,
          ...(refused ? { stateNow: null } : {}),
        });
      }
    },

    async readStates(identity, urns) {
      if (cannotRead.has(identity.credentialId)) return null;
      const client = await clientOf(identity.credentialId);
      const entities = new Map<string, string>();
      for (const urn of urns) {
        const entity =
          parsePostUrn(urn) ??
          (urn.startsWith('urn:li:comment:') ? parseCommentUrn(urn)?.urn : null);
        if (entity) entities.set(entity, urn);
      }
      try {
        const found = await client.getReactions(identity.actor, [...entities.keys()]);
        const states = new Map<string, string | null>();
        for (const [entity, state] of found) {
          const urn = entities.get(entity);
          if (urn !== undefined) states.set(urn, state);
        }
        return states;
      } catch (error) {
        if (error instanceof ServiceError && error.failure.kind === 'permission-missing') {
          cannotRead.add(identity.credentialId);
          return null;
        }
        throw error;
      }
    },

    words: { message: linkedInNoticeWords },

    // LinkedIn's page shows the signed-in member's reactions, never a page's they act for.
    pageShows: (actor) => actor.startsWith('urn:li:person:'),

    credentialRefused(credentialId, failure) {
      deps.tokenRefused(credentialId, failure);
    },
  };
}
