import { i18n } from '#i18n';
import { HistoryView } from './HistoryView';
import { useHistoryBroadcasts } from './queries';

/** The history in a tab of its own ("Open in a tab"), for long sessions. */
export function HistoryPage() {
  useHistoryBroadcasts();
  return (
    <main className="mx-auto max-w-3xl py-4">
      <h1 className="px-3 pb-2 text-xl font-bold">{i18n.t('history.title')}</h1>
      <HistoryView variant="page" />
    </main>
  );
}
