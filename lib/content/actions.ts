/** What a click does in the page: show the change at once, then let the background confirm. */

import { word } from '../catalogue-word';
import { KINDS } from '../kinds/registry';
import { backgroundMessenger, REFUSED_MESSAGE_ERROR } from '../messaging/protocol';
import type { Notice, TargetRef, TargetView } from '../reactions/types';
import { applyIntent } from '../reactions/values';
import { afterNextPaint } from './after-paint';
import { type ContentStore, EMPTY_VIEW, mergeViews, type Slot, setNotice } from './frame-store';
import { snippetFor } from './snippet';

/**
 * The event that asked for an action. Bars live in open shadow roots, so page scripts can reach
 * their buttons and fields: only a person's (trusted) event may react, open the picker or open
 * Accounts. Every such action takes its event, so no path (quick button, picker click, grid or
 * search Enter) can forget the check.
 */
export type UserEvent = Pick<Event, 'isTrusted'>;

/** What a bar can do; the UI calls only these. */
export interface BarActions {
  /**
   * Reacts with `value` (an emoji, or a post's or comment's reaction type), or takes it back.
   * Nothing happens unless `event` is trusted; returns whether it acted. Where the target's
   * service is not set up, nothing is sent: a LinkedIn target says to connect LinkedIn.
   */
  toggle(event: UserEvent, slot: Slot, value: string, react: boolean): boolean;
  /** Opens the emoji picker of `slot`; trusted events only. */
  openPicker(event: UserEvent, slot: Slot): void;
  /** Closing needs no check: it never reacts. */
  closePicker(): void;
  openAccounts(event: UserEvent): void;
  dismissNotice(urn: string): void;
}

export function createBarActions(store: ContentStore): BarActions {
  /** Asks the background to react; rolls the optimistic change back if it refuses. */
  function send(slot: Slot, emoji: string, react: boolean, before: TargetView): void {
    const { urn } = slot.target;
    backgroundMessenger
      .sendMessage('react', {
        target: slot.target,
        value: emoji,
        react,
        snippet: snippetFor(slot.target.kind, slot.host),
      })
      .then((answer) => {
        if (answer.accepted) {
          mergeViews(store, [answer.view]);
          return;
        }
        mergeViews(store, [before]);
        setNotice(store, answer.notice, urn);
        if (answer.notice.code === 'not-connected') notReady(slot.target);
      })
      .catch((error: unknown) => {
        mergeViews(store, [before]);
        setNotice(store, unreachable(urn, error), urn);
      });
  }

  /** The background says the target's service has nothing set up: its bars say so. */
  function notReady(target: TargetRef): void {
    const { service } = KINDS[target.kind];
    store.setState({ ready: { ...store.getState().ready, [service]: false } });
  }

  return {
    toggle(event, slot, value, react): boolean {
      if (!event.isTrusted) return false;
      const { target } = slot;
      const { urn } = target;
      const { service, model } = KINDS[target.kind];
      if (store.getState().ready[service] === false) {
        // Nothing can react yet: the click says where to connect instead (no request).
        if (service === 'linkedin') setNotice(store, connectLinkedIn(urn), urn);
        return true;
      }
      const before = store.getState().views[urn] ?? { urn, ...EMPTY_VIEW };
      // Optimistic: painted in this frame, before the background has answered, with the rule
      // the engine uses (one model: a type replaces the one before it).
      mergeViews(store, [applyIntent(before, model, value, react)]);
      if (store.getState().notices[urn]) setNotice(store, null, urn);
      // Sent once that frame is out: clicks made in one frame keep their order.
      afterNextPaint(() => send(slot, value, react, before));
      return true;
    },
    openPicker(event, slot): void {
      if (event.isTrusted) store.setState({ pickerFor: slot.id });
    },
    closePicker(): void {
      if (store.getState().pickerFor !== null) store.setState({ pickerFor: null });
    },
    openAccounts(event): void {
      if (!event.isTrusted) return;
      backgroundMessenger.sendMessage('openAccounts', undefined).catch(() => undefined);
    },
    dismissNotice(urn: string): void {
      setNotice(store, null, urn);
    },
  };
}

function connectLinkedIn(urn: string): Notice {
  return {
    urn,
    code: 'not-connected',
    // The LinkedIn backend's words for a missing connection (lib/services/linkedin/words.ts):
    // the same catalogue key, without loading the backend's words into the page.
    message: word('linkedinNotice.credential'),
    fixInAccounts: true,
    rolledBack: true,
  };
}

function unreachable(urn: string, error: unknown): Notice {
  // The background answered, but refused the request (see messaging/rules.ts).
  const refused = error instanceof Error && error.name === REFUSED_MESSAGE_ERROR;
  return {
    urn,
    code: refused ? 'invalid-request' : 'offline',
    message: refused ? word('notice.notSent') : word('notice.noBackground'),
    fixInAccounts: false,
    rolledBack: true,
  };
}
