/**
 * Version 3: version 2's rows as version 3 held them (it only added the history's filter
 * indexes), and a line with a snippet (which version 3 added), and what the current version
 * makes of them: version 4 gave every history line its `byWord` keys.
 *
 * When a version after 4 changes a store, update `current` below to what these rows become then.
 */
import { byId, type DatabaseExample, keysOf, withoutWords } from './example';
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

const history = v2.current.history ?? [];

export const example: DatabaseExample = {
  version: 3,
  stores: { ...v2.current, history: [...withoutWords(history), ...byId([snippetLine])] },
  current: {
    ...v2.current,
    history: [
      ...history,
      ...byId([
        {
          ...snippetLine,
          words: keysOf(
            'interest insightful post applied remote elsewhere another device ünïcode quarterly: résumé tips — 12 ways',
          ),
        },
      ]),
    ],
  },
};
