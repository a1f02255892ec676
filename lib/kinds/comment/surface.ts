/** Comments and replies, both markup generations. See ../shared/linkedin-dom.md, "Comments". */

import type { Surface } from '../../content/surface';
import { findCommentUrn, parseCommentUrn } from '../../urn';

// Generation A: `article.comments-comment-entity[data-id]`; replies are nested articles.
export const commentGenerationA: Surface = {
  kind: 'comment',
  selector: 'article.comments-comment-entity[data-id]',
  read(article) {
    const parsed = parseCommentUrn(article.getAttribute('data-id'));
    return parsed ? { kind: 'comment', urn: parsed.urn, postUrn: parsed.postUrn } : null;
  },
  placeHost(article, host) {
    // Before the replies list, so a parent comment's bar is not mixed with its replies.
    const replies = article.querySelector(
      ':scope > .comments-replies-list, :scope .comments-replies-list',
    );
    if (replies?.parentElement && replies.closest('article.comments-comment-entity') === article) {
      replies.before(host);
    } else {
      article.append(host);
    }
  },
};

const REPLACEABLE = 'replaceableComment_urn:li:comment:';
const REFERENCE = 'CommentComponentReference_urn:li:comment:';

// Generation B: `replaceableComment_<urn>` wrapping `CommentComponentReference_<urn>`.
export const commentGenerationB: Surface = {
  kind: 'comment',
  selector: `div[componentkey^="${REPLACEABLE}"], div[componentkey^="${REFERENCE}"]`,
  read(node) {
    const key = node.getAttribute('componentkey') ?? '';
    // The reference node alone counts only where no replaceable wrapper is around it.
    if (
      key.startsWith(REFERENCE) &&
      node.parentElement?.closest(`[componentkey^="${REPLACEABLE}"]`)
    ) {
      return null;
    }
    const parsed = findCommentUrn(key);
    return parsed ? { kind: 'comment', urn: parsed.urn, postUrn: parsed.postUrn } : null;
  },
  placeHost(node, host) {
    node.append(host);
  },
};
