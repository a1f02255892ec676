/** Messages, full page and overlay windows. See ../shared/linkedin-dom.md, "Messaging". */

import { RETRY, type Surface } from '../../content/surface';
import { parseMessageUrn, threadIdFromPath } from '../../urn';

const OVERLAY = '#msg-overlay, .msg-overlay-conversation-bubble';

export const messages: Surface = {
  kind: 'message',
  selector: '[data-event-urn]',
  read(node) {
    // Inner nodes of a message may repeat the attribute: the outermost one is the message.
    if (node.parentElement?.closest('[data-event-urn]')) return null;
    const parsed = parseMessageUrn(node.getAttribute('data-event-urn'));
    if (!parsed) return null;
    // On the full page the URL names the thread too; they must agree. During SPA navigation
    // the list and the URL change one after the other, so ask again later.
    const urlThread = node.closest(OVERLAY) ? null : threadIdFromPath(location.pathname);
    if (urlThread && urlThread !== parsed.threadId) return RETRY;
    return { kind: 'message', urn: parsed.messageUrn, conversationUrn: parsed.conversationUrn };
  },
  placeHost(node, host) {
    // First child: the bar sits at the message's top edge, like LinkedIn's own hover actions.
    node.prepend(host);
  },
};
