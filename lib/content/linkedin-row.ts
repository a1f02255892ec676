/**
 * What the post and comment rows say of the LinkedIn connection: as whom they react and, from
 * 7 days before the connection ends, a warning. Asked of the background (words only: a frame
 * never sees a token or a member's name) once a row may show them: LinkedIn ready, post
 * controls on, a post or comment found in this frame (rowFound). Asked again after every accounts change (a
 * reset broadcast forgets them: the actor or the connection may have changed) and when the
 * tab is shown again after an hour (days pass in a tab left open).
 */
import type { LinkedInRowInfo } from '../messaging/linkedin';
import { backgroundMessenger } from '../messaging/protocol';
import type { ContentState, ContentStore } from './frame-store';

export const ROW_INFO_MAX_AGE_MS = 3_600_000;

export type AskRowInfo = () => Promise<LinkedInRowInfo | null>;

const askBackground: AskRowInfo = () =>
  backgroundMessenger.sendMessage('getLinkedInRow', undefined);

/** Whether a row may show the words now and they are not known (cheap: every store update). */
function wanted(state: ContentState, rows: boolean): boolean {
  return (
    rows &&
    state.linkedInRow === undefined &&
    state.ready.linkedin === true &&
    state.postControls === true
  );
}

export interface LinkedInRowWatch {
  /** A post or comment was found in this frame: from now on its row may need the words. */
  rowFound(): void;
  stop(): void;
}

export function watchLinkedInRow(
  store: ContentStore,
  options: { ask?: AskRowInfo; now?: () => number; doc?: Document } = {},
): LinkedInRowWatch {
  const { ask = askBackground, now = Date.now, doc = document } = options;
  let asking = false;
  let stopped = false;
  let answeredAt = 0;
  // A frame of messages only never asks (and never walks its slots to find out).
  let rows = false;

  function consider(): void {
    const state = store.getState();
    if (asking || stopped || !wanted(state, rows)) return;
    asking = true;
    // A reset while asking replaces `ready`: the answer may speak of the connection before it.
    const readyAsked = state.ready;
    ask().then(
      (info) => {
        asking = false;
        if (stopped) return;
        if (store.getState().ready === readyAsked && store.getState().linkedInRow === undefined) {
          answeredAt = now();
          store.setState({ linkedInRow: info });
        }
        consider();
      },
      () => {
        // The worker was restarting: the next store change (its views arriving) asks again.
        asking = false;
      },
    );
  }

  function onVisibility(): void {
    if (doc.visibilityState !== 'visible') return;
    if (store.getState().linkedInRow !== undefined && now() - answeredAt > ROW_INFO_MAX_AGE_MS) {
      store.setState({ linkedInRow: undefined });
    }
  }

  const unsubscribe = store.subscribe(consider);
  doc.addEventListener('visibilitychange', onVisibility);
  consider();
  return {
    rowFound() {
      if (rows) return;
      rows = true;
      consider();
    },
    stop() {
      stopped = true;
      unsubscribe();
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
