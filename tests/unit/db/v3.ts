/**
 * Version 3: version 2's rows as version 3 held them (it only added the history's filter
 * indexes), and a line with a snippet (which version 3 added), and what the current version
 * makes of them: version 4 gave every history line its `byWord` keys, which version 5 keeps
 * apart from the line (`historyWords`), counting the lines (`historyCounts`).
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
} from './example';
import { example as v2 } from './v2';

const T = Date.UTC(2026, 10, 20, 9, 30, 0);
const POST = 'urn:li:activity:7399000000000000042';

const snippetLine = {
  id: 12,
  at: T,
  service: 'linkedin',
  kind: 'post',
  urn: POST,
  value: 'INTEREST',
  react: true,
  actor: 'urn:li:person:Xy12Ab34',
  source: 'remote',
  outcome: 'applied',
  link: `https://www.linkedin.com/feed/update/${POST}/`,
  snippet: 'Ünïcode Quarterly: Résumé tips — 12 ways',
};

const before = asBeforeVersion4(v2.current);
const withKeys = asVersion4(v2.current);

export const example: DatabaseExample = {
  version: 3,
  stores: { ...before, history: [...(before.history ?? []), ...byId([snippetLine])] },
  current: asVersion5({
    ...withKeys,
    history: [
      ...(withKeys.history ?? []),
      ...byId([
        {
          ...snippetLine,
          words: keysOf(
            'interest insightful post applied remote elsewhere another device ünïcode quarterly: résumé tips — 12 ways',
          ),
        },
      ]),
    ],
  }),
};
