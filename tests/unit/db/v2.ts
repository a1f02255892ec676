/**
 * Version 2: rows as version 2's code wrote them (one engine for both services: ConnectSafely
 * for messages, LinkedIn for posts and comments), and what the current version makes of them.
 * Version 3 added the history's filter indexes and kept every row as it was; version 4 gave
 * every history line its `byWord` keys; version 5 moved them to `historyWords` and counted the
 * lines (`historyCounts`).
 *
 * When a version after 5 changes a store, update `current` below to what these rows become then.
 */
import {
  asBeforeVersion4,
  asVersion4,
  asVersion5,
  byId,
  type DatabaseExample,
  keysOf,
  type StoreContent,
} from './example';
import { example as v1 } from './v1';

const T = Date.UTC(2026, 10, 2, 12, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const PERSON = 'urn:li:person:Xy12Ab34';
const PAGE = 'urn:li:organization:2414183';
const POST = 'urn:li:activity:7391234567890123456';
const SHARE = 'urn:li:share:7392000000000000001';
const COMMENT = `urn:li:comment:(${POST},7391299990000000000)`;
const POST_LINK = `https://www.linkedin.com/feed/update/${POST}/`;
const SHARE_LINK = `https://www.linkedin.com/feed/update/${SHARE}/`;
const TOKEN_ID = '3f9c2a10-5b7e-4d21-9c8a-0e6f1d2b3a47';

/** Version 1's rows as version 2 held them (no `byWord` keys yet): this example's start. */
const fromV1 = asBeforeVersion4(v1.current);

/** Each line's searchable words (version 4's keys), by id. */
const WORDS: Record<number, string> = {
  8: 'like like post applied own',
  9: 'like like post removed own',
  10: 'praise celebrate comment failed linkedin says this connection may not react as that page. own',
  11: 'entertainment funny post applied own',
};

/** Version 2's own LinkedIn lines: ids go on after the ones version 1 left. */
const linkedInLines = [
  {
    id: 8,
    at: T - 3 * DAY,
    service: 'linkedin',
    kind: 'post',
    urn: POST,
    value: 'LIKE',
    react: true,
    actor: PERSON,
    source: 'own',
    outcome: 'applied',
    link: POST_LINK,
  },
  {
    id: 9,
    at: T - 2 * DAY,
    service: 'linkedin',
    kind: 'post',
    urn: POST,
    value: 'LIKE',
    react: false,
    actor: PERSON,
    source: 'own',
    outcome: 'applied',
    link: POST_LINK,
  },
  {
    id: 10,
    at: T - DAY,
    service: 'linkedin',
    kind: 'comment',
    urn: COMMENT,
    parentUrn: POST,
    value: 'PRAISE',
    react: true,
    actor: PAGE,
    source: 'own',
    outcome: 'failed',
    error: 'LinkedIn says this connection may not react as that page.',
    link: POST_LINK,
  },
  {
    id: 11,
    at: T - 10 * MINUTE,
    service: 'linkedin',
    kind: 'post',
    urn: SHARE,
    value: 'ENTERTAINMENT',
    react: true,
    actor: PERSON,
    source: 'own',
    outcome: 'applied',
    link: SHARE_LINK,
  },
];

const linkedInSlot = {
  id: `linkedin|${PERSON}|${SHARE}|`,
  targetKey: `linkedin|${PERSON}|${SHARE}`,
  service: 'linkedin',
  actor: PERSON,
  urn: SHARE,
  facet: '',
  state: 'ENTERTAINMENT',
  asOf: T - 10 * MINUTE,
  latest: { state: 'ENTERTAINMENT', at: T - 10 * MINUTE },
  own: [{ state: 'ENTERTAINMENT', at: T - 10 * MINUTE - 300, until: T - 10 * MINUTE }],
};

const linkedInIntent = {
  id: `linkedin|${PERSON}|${POST}|`,
  service: 'linkedin',
  credentialId: TOKEN_ID,
  actor: PERSON,
  target: { kind: 'post', urn: POST },
  facet: '',
  desired: 'EMPATHY',
  clickedAt: T - MINUTE,
  version: 1,
  attempts: 1,
  nextAttemptAt: T + MINUTE,
  lastFailure: 'rate-limited',
  sent: [{ state: 'EMPATHY', at: T - MINUTE, until: T - MINUTE + 400 }],
  origin: { tabId: 9, frameId: 0 },
};

const linkedInItems: StoreContent = [
  [
    'linkedin.token',
    {
      id: TOKEN_ID,
      accessToken: 'li_live_AQX0c2VjcmV0LXRva2VuLWZvci10ZXN0cw',
      member: PERSON,
      via: 'token',
      addedAt: T - 5 * DAY,
      checkedAt: T - DAY,
      expiresAt: T + 55 * DAY,
      scopes: null,
      status: 'valid',
    },
  ],
  ['linkedin.actor', { member: PERSON, actor: PERSON }],
];

function withRows(
  base: Record<string, StoreContent>,
  withKeys = false,
): Record<string, StoreContent> {
  const lines = withKeys
    ? linkedInLines.map((line) => ({ ...line, words: keysOf(WORDS[line.id] ?? '') }))
    : linkedInLines;
  return {
    keys: base.keys ?? [],
    intents: [...(base.intents ?? []), ...byId([linkedInIntent])],
    confirmed: [...(base.confirmed ?? []), ...byId([linkedInSlot])],
    holds: [...(base.holds ?? []), [TOKEN_ID, { credentialId: TOKEN_ID, until: T + MINUTE }]],
    history: [...(base.history ?? []), ...byId(lines)],
    items: [...(base.items ?? []), ...linkedInItems],
  };
}

export const example: DatabaseExample = {
  version: 2,
  stores: withRows(fromV1),
  // Version 3 only added indexes; version 4 added each line's `byWord` keys, which version 5
  // keeps apart from the line.
  current: asVersion5(withRows(asVersion4(v1.current), true)),
};
