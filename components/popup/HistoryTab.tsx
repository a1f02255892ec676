import { HistoryView } from '../history/HistoryView';

/** The popup's History tab: the history view, sized for the popup, with "Open in a tab". */
export function HistoryTab() {
  return <HistoryView variant="popup" />;
}
