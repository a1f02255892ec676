/** What a click does in the page: show the change at once, then let the background confirm. */
import { backgroundMessenger, REFUSED_MESSAGE_ERROR } from '../messaging/protocol';
import type { Notice, TargetView } from '../reactions/types';
import { afterNextPaint } from './after-paint';
import { type ContentStore, EMPTY_VIEW, mergeViews, type Slot, setNotice } from './frame-store';

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
   * Reacts with `emoji` (or takes it back). Nothing happens unless `event` is trusted; returns
   * whether it acted.
   */
  toggle(event: UserEvent, slot: Slot, emoji: string, react: boolean): boolean;
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
      .sendMessage('react', { target: slot.target, value: emoji, react })
      .then((answer) => {
        if (answer.accepted) {
          mergeViews(store, [answer.view]);
          return;
        }
        mergeViews(store, [before]);
        setNotice(store, answer.notice, urn);
        if (answer.notice.code === 'not-connected') store.setState({ ready: false });
      })
      .catch((error: unknown) => {
        mergeViews(store, [before]);
        setNotice(store, unreachable(urn, error), urn);
      });
  }

  return {
    toggle(event, slot, emoji, react): boolean {
      if (!event.isTrusted) return false;
      const { urn } = slot.target;
      const before = store.getState().views[urn] ?? { urn, ...EMPTY_VIEW };
      const active = react
        ? [...new Set([...before.active, emoji])]
        : before.active.filter((value) => value !== emoji);
      // Optimistic: painted in this frame, before the background has answered.
      mergeViews(store, [{ urn, active, pending: [...new Set([...before.pending, emoji])] }]);
      if (store.getState().notices[urn]) setNotice(store, null, urn);
      // Sent once that frame is out: clicks made in one frame keep their order.
      afterNextPaint(() => send(slot, emoji, react, before));
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

function unreachable(urn: string, error: unknown): Notice {
  // The background answered, but refused the request (see messaging/rules.ts).
  const refused = error instanceof Error && error.name === REFUSED_MESSAGE_ERROR;
  return {
    urn,
    code: refused ? 'invalid-request' : 'offline',
    message: refused
      ? 'Reactbar could not send this reaction.'
      : 'Reactbar could not reach its background (it may have been updated). Reload the page and try again.',
    fixInAccounts: false,
    rolledBack: true,
  };
}
