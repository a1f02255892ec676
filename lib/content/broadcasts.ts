/** What the background's broadcasts change in this frame: views, readiness and notices. */
import { type BroadcastProtocol, broadcastMessenger } from '../messaging/protocol';
import { type ContentStore, mergeViews, setNotice } from './frame-store';

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

export function applyViewsChanged(
  store: ContentStore,
  views: ViewRefresher,
  data: ViewsChanged,
): void {
  const here = urnsHere(store);
  if (data.reset) {
    // The reacting account changed: the views held so far are stale.
    store.setState({ views: {}, ready: data.ready });
    for (const urn of here) views.request(urn);
    return;
  }
  mergeViews(
    store,
    data.views.filter((view) => here.has(view.urn)),
    data.ready,
  );
}

export function applyNotice(store: ContentStore, notice: NoticeBroadcast): void {
  if (urnsHere(store).has(notice.urn)) setNotice(store, notice, notice.urn);
}

export function listenToBroadcasts(store: ContentStore, views: ViewRefresher): () => void {
  const stops = [
    broadcastMessenger.onMessage('viewsChanged', ({ data }) =>
      applyViewsChanged(store, views, data),
    ),
    broadcastMessenger.onMessage('notice', ({ data }) => applyNotice(store, data)),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
