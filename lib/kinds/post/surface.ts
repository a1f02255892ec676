/** Feed posts, both markup generations. See ../shared/linkedin-dom.md, "Feed posts". */

import { RETRY, type Surface } from '../../content/surface';
import { findCommentUrn, parsePostUrn, postUrnFromHref, shareUrnFromComponentKey } from '../../urn';
import {
  generationAState,
  generationBState,
  STATE_ATTRIBUTES,
  STATE_LABEL_PREFIX,
} from '../page-state';

// Generation A: `div.feed-shared-update-v2[role=article][data-urn]`, or `data-id` on the wrapper.
const ACTION_BAR = '.feed-shared-social-action-bar';

/** The card's own Like trigger: comments inside the card reuse the trigger's classes. */
function generationATrigger(card: Element): Element | null {
  return card.querySelector(`${ACTION_BAR} button.react-button__trigger`);
}

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
    // Just before the card's own action bar: the row straddles the line above it.
    const actionBar = card.querySelector(ACTION_BAR);
    if (actionBar?.parentElement) actionBar.before(host);
    else card.append(host);
  },
  readState: (card) => generationAState(generationATrigger(card)),
  stateAttributes: STATE_ATTRIBUTES,
};

// Generation B. Its labels are localized; the English ones are one hook among others.
const CONTROL_MENU = 'button[aria-label^="Open control menu for post by "]';
const ENGLISH_CONTROL = `[aria-label^="${STATE_LABEL_PREFIX}"]`;
const TEXT_BOX = '[data-testid="expandable-text-box"]';
const REACTION_ICON = '[data-test-reactions-icon-type]';
const COMMENT =
  '[componentkey^="replaceableComment_"], [componentkey^="CommentComponentReference_"]';
// Our own hosts are keyboard stops with role=button: never one of LinkedIn's buttons.
const CLICKABLE = 'button, [role="button"]:not(reactbar-host)';

/** Whether `element` belongs to a comment rendered inside `post` (not to the post itself). */
function inComment(element: Element, post: Element): boolean {
  const comment = element.closest(COMMENT);
  return comment !== null && post.contains(comment);
}

/** The first match in `post` that belongs to the post itself, not to one of its comments. */
function ownMatch(post: Element, selector: string): Element | null {
  for (const element of post.querySelectorAll(selector)) {
    if (!inComment(element, post)) return element;
  }
  return null;
}

/**
 * The post's action row (react, comment, repost, send), by structure: the first element of the
 * post's own, after its text if any, with at least three children that each are or hold a
 * button, none more than two (the reaction button and its menu). The header's menu pair and the
 * counts line have two children; the post's whole body (header, text with its "more", image,
 * counts, actions) holds the text, or a child with many buttons.
 */
function actionRow(post: Element): Element | null {
  const english = ownMatch(post, ENGLISH_CONTROL);
  if (english) {
    // The nearest ancestor of the control with two more buttons.
    for (let row = english.parentElement; row && row !== post; row = row.parentElement) {
      if (row.querySelectorAll(CLICKABLE).length >= 4) return row;
    }
  }
  const text = ownMatch(post, TEXT_BOX);
  for (const button of post.querySelectorAll(CLICKABLE)) {
    if (inComment(button, post)) continue;
    if (text && text.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_PRECEDING) continue;
    const row = button.parentElement;
    if (row && row !== post && isActionRow(row, text)) return row;
    const group = row?.parentElement;
    if (group && row !== post && group !== post && isActionRow(group, text)) return group;
  }
  return null;
}

function isActionRow(row: Element, text: Element | null): boolean {
  if (row.children.length < 3 || (text && row.contains(text))) return false;
  let holding = 0;
  for (const child of row.children) {
    if (child.matches(CLICKABLE)) holding++;
    else {
      const inside = child.querySelectorAll(CLICKABLE).length;
      if (inside > 2) return false;
      if (inside > 0) holding++;
    }
  }
  return holding >= 3;
}

/** The post's reaction control: the English-labelled one, else the action row's first button. */
function generationBControl(post: Element): Element | null {
  return ownMatch(post, ENGLISH_CONTROL) ?? actionRow(post)?.querySelector(CLICKABLE) ?? null;
}

/**
 * Other cards (people, modules) are list items too, some with post-like keys. A post is the one
 * with the post control menu (English label), or, in any language, the one that holds post text
 * or reaction icons of its own (not its comments') and an action row.
 */
function isGenerationBPost(node: Element): boolean {
  if (node.querySelector(CONTROL_MENU)) return true;
  const ownContent = ownMatch(node, TEXT_BOX) ?? ownMatch(node, REACTION_ICON);
  return ownContent !== null && actionRow(node) !== null;
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
    // Just before the action row: the row straddles the line above it.
    const row = actionRow(node);
    if (row?.parentElement) row.before(host);
    else node.append(host);
  },
  readState: (node) => generationBState(generationBControl(node)),
  stateAttributes: STATE_ATTRIBUTES,
};
