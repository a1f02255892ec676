/**
 * A short text of what a click reacts to, for the history's search, sent with the react request
 * only while the member's snippet option is on (off by default). The body alone: a message's
 * text, a post's commentary, a comment's text; never the author's name or headline.
 */
import { clipSnippet, loadHistorySnippets, watchHistorySnippets } from '../history-snippets';
import type { TargetKind } from '../reactions/types';

/** Where each kind's body text is, inside the target's container. */
const BODY: Record<TargetKind, { container: string; body: string }> = {
  message: { container: '[data-event-urn]', body: '.msg-s-event-listitem__body' },
  post: {
    container: '[data-urn], [data-id], div[role="listitem"][componentkey]',
    body: '.update-components-text, .feed-shared-update-v2__commentary, [data-testid="expandable-text-box"]',
  },
  comment: {
    container: `article.comments-comment-entity, [componentkey^="replaceableComment_urn:li:comment:"]`,
    body: '.comments-comment-item-content-body, [data-testid="expandable-text-box"]',
  },
};
/** A post's own text, not one of its comments'. */
const COMMENT =
  'article.comments-comment-entity, [componentkey^="replaceableComment_"], [componentkey^="CommentComponentReference_"]';

let on = false;
let watching = false;

/** Starts following the option (once per frame). */
function follow(): void {
  if (watching) return;
  watching = true;
  void loadHistorySnippets().then(
    (value) => {
      on = value;
    },
    () => undefined,
  );
  watchHistorySnippets((value) => {
    on = value;
  });
}

/** The snippet to send with a click on `host`'s target, or undefined (option off, no text). */
export function snippetFor(kind: TargetKind, host: Element): string | undefined {
  follow();
  if (!on) return undefined;
  const { container, body } = BODY[kind];
  const scope = host.closest(container);
  if (!scope) return undefined;
  const text = [...scope.querySelectorAll(body)].find(
    (element) => kind !== 'post' || !element.closest(COMMENT),
  );
  const clipped = text?.textContent ? clipSnippet(text.textContent) : '';
  return clipped || undefined;
}

// Read as the content script starts, so the first click already knows the option.
follow();
