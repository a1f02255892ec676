/** URN shapes the Reactions API accepts. Each check returns an error sentence, or null if fine. */

const POST = /^urn:li:(activity|share|ugcPost):\d+$/;
const COMMENT = /^urn:li:comment:\(urn:li:(activity|ugcPost):\d+,\d+\)$/;
const SHORT_COMMENT = /^urn:li:comment:\((activity|ugcPost):\d+,\d+\)$/;
const ACTOR = /^urn:li:(person|organization):[A-Za-z0-9_-]+$/;

export function checkEntityUrn(urn: string): string | null {
  if (POST.test(urn) || COMMENT.test(urn)) return null;
  if (SHORT_COMMENT.test(urn)) {
    return `${urn} is not a valid entity: use the full comment form urn:li:comment:(urn:li:activity:<N>,<M>)`;
  }
  return `${urn} is not a valid entity: expected an activity, share, ugcPost or comment URN`;
}

export function checkActorUrn(urn: string): string | null {
  return ACTOR.test(urn) ? null : `${urn} is not a valid actor: expected urn:li:person:<id>`;
}
