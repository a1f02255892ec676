/** Comments and replies, both markup generations. See ../shared/linkedin-dom.md, "Comments". */

import type { Surface } from '../../content/surface';
import { findCommentUrn, parseCommentUrn } from '../../urn';
import {
  generationAState,
  generationBState,
  STATE_ATTRIBUTES,
  STATE_LABEL_PREFIX,
} from '../page-state';

const ARTICLE = 'article.comments-comment-entity';

/** The comment's own Like trigger: a parent comment holds its replies' triggers too. */
function generationATrigger(article: Element): Element | null {
  for (const trigger of article.querySelectorAll('button.react-button__trigger')) {
    if (trigger.closest(ARTICLE) === article) return trigger;
  }
  return null;
}

// Generation A: `article.comments-comment-entity[data-id]`; replies are nested articles.
export const commentGenerationA: Surface = {
  kind: 'comment',
  selector: `${ARTICLE}[data-id]`,
  read(article) {
    const parsed = parseCommentUrn(article.getAttribute('data-id'));
    return parsed ? { kind: 'comment', urn: parsed.urn, postUrn: parsed.postUrn } : null;
  },
  placeHost(article, host) {
    // Before the replies list, so a parent comment's bar is not mixed with its replies.
    const replies = article.querySelector(
      ':scope > .comments-replies-list, :scope .comments-replies-list',
    );
    if (replies?.parentElement && replies.closest(ARTICLE) === article) {
      replies.before(host);
    } else {
      article.append(host);
    }
  },
  readState: (article) => generationAState(generationATrigger(article)),
  stateAttributes: STATE_ATTRIBUTES,
};

const REPLACEABLE = 'replaceableComment_urn:li:comment:';
const REFERENCE = 'CommentComponentReference_urn:li:comment:';
// Our own hosts are keyboard stops with role=button: never one of LinkedIn's buttons.
const CLICKABLE = 'button, [role="button"]:not(reactbar-host)';

/**
 * The comment's reaction control: the English-labelled one, else (any language) the first
 * button after the comment's text (not a "… more"); the header's options button comes before
 * the text. Replies
 * are flat siblings, so nothing inside belongs to another comment.
 */
function generationBControl(node: Element): Element | null {
  const english = node.querySelector(`[aria-label^="${STATE_LABEL_PREFIX}"]`);
  if (english) return english;
  const text = node.querySelector('[data-testid="expandable-text-box"]');
  if (!text) return null;
  for (const button of node.querySelectorAll(CLICKABLE)) {
    // A "… more" button of the text expands it (aria-expanded); it never reacts.
    if (button.hasAttribute('aria-expanded') || text.contains(button)) continue;
    if (text.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING) return button;
  }
  return null;
}

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
  readState: (node) => generationBState(generationBControl(node)),
  stateAttributes: STATE_ATTRIBUTES,
};
