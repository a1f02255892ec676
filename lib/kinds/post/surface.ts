/** Feed posts, both markup generations. See ../shared/linkedin-dom.md, "Feed posts". */

import { RETRY, type Surface } from '../../content/surface';
import { findCommentUrn, parsePostUrn, postUrnFromHref, shareUrnFromComponentKey } from '../../urn';

// Generation A: `div.feed-shared-update-v2[role=article][data-urn]`, or `data-id` on the wrapper.
export const postGenerationA: Surface = {
  kind: 'post',
  selector: 'div.feed-shared-update-v2',
  read(card) {
    const urn = parsePostUrn(
      card.getAttribute('data-urn') ?? card.closest('[data-id]')?.getAttribute('data-id'),
    );
    return urn ? { kind: 'post', urn } : null;
  },
  placeHost(card, host) {
    // Scoped to the card's own action bar: comments inside the card reuse the trigger classes.
    const actionBar = card.querySelector('.feed-shared-social-action-bar');
    if (actionBar?.parentElement) actionBar.after(host);
    else card.append(host);
  },
};

// Other cards (people, modules) are list items too, some with post-like keys: a post is the
// one with a post control menu.
const CONTROL_MENU = 'button[aria-label^="Open control menu for post by "]';
const LIKE_BUTTON =
  'button[aria-label^="Reaction button state:"], button[aria-label="Open reactions menu"]';
const COMMENT_BUTTON = 'button[aria-label="Comment"]';

function isGenerationBPost(node: Element): boolean {
  return node.querySelector(CONTROL_MENU) !== null;
}

/**
 * Generation B carries no URN on the post; these places hold it, best first. A link to the
 * post itself, a `shareId=` component key, then the post part of a rendered comment's URN.
 */
function findGenerationBUrn(post: Element) {
  for (const link of post.querySelectorAll('a[href*="/feed/update/urn:li:"]')) {
    const urn = postUrnFromHref(link.getAttribute('href'));
    if (urn) return urn;
  }
  for (const keyed of post.querySelectorAll('[componentkey*="shareId="]')) {
    const urn = shareUrnFromComponentKey(keyed.getAttribute('componentkey'));
    if (urn) return urn;
  }
  for (const comment of post.querySelectorAll('[componentkey*="urn:li:comment:"]')) {
    const parsed = findCommentUrn(comment.getAttribute('componentkey'));
    if (parsed) return parsed.postUrn;
  }
  return null;
}

export const postGenerationB: Surface = {
  kind: 'post',
  selector: 'div[role="listitem"][componentkey]',
  oneNodePerUrn: true,
  read(node) {
    if (!isGenerationBPost(node)) return null;
    // A keyed node nested in another post node is the same post rendered again.
    const outer = node.parentElement?.closest('div[role="listitem"][componentkey]');
    if (outer && isGenerationBPost(outer)) return null;
    const urn = findGenerationBUrn(node);
    // The URN may only become findable once comments or links render.
    return urn ? { kind: 'post', urn } : RETRY;
  },
  placeHost(node, host) {
    // After the action row: the nearest ancestor of the Like button that also holds Comment.
    let row = node.querySelector(LIKE_BUTTON)?.parentElement ?? null;
    while (row && row !== node && !row.querySelector(COMMENT_BUTTON)) row = row.parentElement;
    if (row && row !== node) row.after(host);
    else node.append(host);
  },
};
