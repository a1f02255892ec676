import { createElement, Fragment, type ReactNode } from 'react';

/**
 * Stand-ins for React nodes in a message's placeholders: characters of Unicode's private use
 * area, which no catalogue text holds. Pass them as the substitutions, then `interpolate`.
 */
export const SLOT = ['\uE000', '\uE001', '\uE002'] as const;

/**
 * A message whose placeholders are markup (a name in monospace, a state in its colour), so the
 * catalogue keeps the whole sentence and its word order while the page keeps the elements:
 * `interpolate(i18n.t('key', [SLOT[0], SLOT[1]]), [<code>a</code>, <code>b</code>])` puts
 * nodes[0] where $1 was and nodes[1] where $2 was.
 */
export function interpolate(message: string, nodes: readonly ReactNode[]): ReactNode {
  const parts = message.split(/([\uE000-\uE002])/u).map((part) => {
    const slot = SLOT.indexOf(part as (typeof SLOT)[number]);
    return slot === -1 ? part : nodes[slot];
  });
  // As arguments rather than an array, so React needs no keys for a fixed sequence.
  return createElement(Fragment, null, ...parts);
}
