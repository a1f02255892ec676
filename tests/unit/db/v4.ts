/**
 * Version 4: version 3's rows as version 4 held them (each history line carrying its search keys,
 * `words`, under the multiEntry `byWord` index), and lines version 4 wrote itself: one with a
 * snippet, one whose snippet was forgotten (its keys rebuilt without the snippet's words), and one
 * written in a German browser (LinkedIn's reaction name in German among its keys). What the
 * current version makes of them: version 5 moves every line's keys, as they were, to
 * `historyWords` under the line's id (the lines lose `words`), and counts the lines in all and
 * per kind, value, actor and outcome (`historyCounts`).
 *
 * When a version after 5 changes a store, update `current` below to what these rows become then.
 */
import { asVersion4, asVersion5, byId, type DatabaseExample, keysOf } from './example';
import { example as v3 } from './v3';

const T = Date.UTC(2026, 10, 27, 15, 0, 0);
const MINUTE = 60_000;
const PERSON = 'urn:li:person:Xy12Ab34';
const PAGE = 'urn:li:organization:2414183';
const POST = 'urn:li:activity:7400000000000000077';
const COMMENT = `urn:li:comment:(${POST},7400000000000000099)`;
const LINK = `https://www.linkedin.com/feed/update/${POST}/`;

const linesV4 = byId([
  {
    id: 13,
    at: T - 30 * MINUTE,
    service: 'linkedin',
    kind: 'comment',
    urn: COMMENT,
    parentUrn: POST,
    value: 'APPRECIATION',
    react: true,
    actor: PAGE,
    source: 'own',
    outcome: 'applied',
    link: LINK,
    snippet: 'Welcome aboard, Zoë! 🎉',
    words: keysOf('appreciation support comment applied own welcome aboard, zoë! 🎉'),
  },
  {
    // Its snippet was forgotten (the option switched off): keys without the snippet's words.
    id: 14,
    at: T - 20 * MINUTE,
    service: 'linkedin',
    kind: 'post',
    urn: POST,
    value: 'ENTERTAINMENT',
    react: false,
    actor: PERSON,
    source: 'own',
    outcome: 'applied',
    link: LINK,
    words: keysOf('entertainment funny post removed own'),
  },
  {
    // Written while the browser was in German: the name's keys are German, and move as they are.
    id: 15,
    at: T - 10 * MINUTE,
    service: 'linkedin',
    kind: 'post',
    urn: POST,
    value: 'EMPATHY',
    react: true,
    actor: PERSON,
    source: 'own',
    outcome: 'applied',
    link: LINK,
    words: keysOf('empathy liebe post applied own'),
  },
]);

const fromV3 = asVersion4(v3.current);
const stores = { ...fromV3, history: [...(fromV3.history ?? []), ...linesV4] };

export const example: DatabaseExample = {
  version: 4,
  stores,
  current: asVersion5(stores),
};
