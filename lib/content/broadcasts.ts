/** What the background's broadcasts change in this frame: views, readiness and notices. */
import { type BroadcastProtocol, broadcastMessenger } from '../messaging/protocol';
import {
  type ContentState,
  type ContentStore,
  completeReadiness,
  mergeViews,
  type ShownNotice,
  setNotice,
} from './frame-store';

type ViewsChanged = Parameters<BroadcastProtocol['viewsChanged']>[0];
type NoticeBroadcast = Parameters<BroadcastProtocol['notice']>[0];

/** Asks the background again for the views of these targets. */
export interface ViewRefresher {
  request(urn: string): void;
}

/** The URNs of the targets in this frame: other tabs' targets are not kept here. */
function urnsHere(store: ContentStore): Set<string> {
  const urns = new Set<string>();
  for (const slot of store.getState().slots.values()) urns.add(slot.target.urn);
  return urns;
}

/**
 * A refused key is itself an accounts change: the background marks the key and broadcasts a
 * reset while the click's notice is on its way. A notice that arrived less than this before a
 * reset outlives that one reset (its refusal's own); the next reset, after the user fixed the
 * key, clears it.
 */
export const OWN_REFUSAL_WINDOW_MS = 2000;

export function applyViewsChanged(
  store: ContentStore,
  views: ViewRefresher,
  data: ViewsChanged,
  now = Date.now(),
): void {
  const here = urnsHere(store);
  if (data.reset) {
    // Keys, accounts or the LinkedIn connection changed: the views held so far are stale, and a notice whose fix was in
    // Accounts ("ConnectSafely refused your key") may no longer be true. A new click says again.
    store.setState({
      views: {},
      ready: completeReadiness(data.ready),
      // As whom the rows react, and the connection's end, may have changed too.
      linkedInRow: undefined,
      notices: withoutAccountNotices(store, now),
    });
    for (const urn of here) views.request(urn);
    return;
  }
  mergeViews(
    store,
    data.views.filter((view) => here.has(view.urn)),
    data.ready,
  );
}

function withoutAccountNotices(store: ContentStore, now: number): ContentState['notices'] {
  const kept: Record<string, ShownNotice> = {};
  let changed = false;
  for (const [urn, notice] of Object.entries(store.getState().notices)) {
    if (!notice.fixInAccounts) kept[urn] = notice;
    else if (!notice.outlivedOwnReset && now - notice.shownAt < OWN_REFUSAL_WINDOW_MS) {
      kept[urn] = { ...notice, outlivedOwnReset: true };
      changed = true;
    } else changed = true;
  }
  return changed ? kept : store.getState().notices;
}

/** A new worker: the views with a pending click are asked again (it may have landed unseen). */
export function applyBackgroundStarted(store: ContentStore, views: ViewRefresher): void {
  const here = urnsHere(store);
  for (const [urn, view] of Object.entries(store.getState().views)) {
    if (view.pending.length > 0 && here.has(urn)) views.request(urn);
  }
}

export function applyNotice(store: ContentStore, notice: NoticeBroadcast, now = Date.now()): void {
  if (urnsHere(store).has(notice.urn)) setNotice(store, notice, notice.urn, now);
}

/** `restarted`: more a frame does when a new worker starts (page changes it must tell again). */
export function listenToBroadcasts(
  store: ContentStore,
  views: ViewRefresher,
  restarted: () => void = () => undefined,
): () => void {
  const stops = [
    broadcastMessenger.onMessage('viewsChanged', ({ data }) =>
      applyViewsChanged(store, views, data),
    ),
    broadcastMessenger.onMessage('notice', ({ data }) => applyNotice(store, data)),
    broadcastMessenger.onMessage('backgroundStarted', () => {
      applyBackgroundStarted(store, views);
      restarted();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
