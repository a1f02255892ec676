/** The list's rows: a heading for each local day, then that day's lines, newest first. */
import { type HistoryLine, localDay, startOfLocalDay } from '@/lib/history/words';

export type ListRow =
  | { type: 'day'; key: string; day: string; startAt: number; count: number }
  | { type: 'line'; key: string; line: HistoryLine };

/** Pending clicks merged into stored lines, both newest first. */
export function mergeNewestFirst(
  pending: readonly HistoryLine[],
  stored: readonly HistoryLine[],
): HistoryLine[] {
  if (pending.length === 0) return stored as HistoryLine[];
  return [...pending, ...stored].sort((a, b) => b.at - a.at);
}

/** Lines newest first. A day's count is of the lines loaded. */
export function groupByDay(lines: readonly HistoryLine[]): ListRow[] {
  const rows: ListRow[] = [];
  let heading = null as Extract<ListRow, { type: 'day' }> | null;
  for (const line of lines) {
    const day = localDay(line.at);
    if (heading?.day !== day) {
      const again: number = rows.filter((row) => row.type === 'day' && row.day === day).length;
      heading = {
        type: 'day',
        key: again ? `day-${day}-${again}` : `day-${day}`,
        day,
        startAt: startOfLocalDay(line.at),
        count: 0,
      };
      rows.push(heading);
    }
    heading.count++;
    rows.push({
      type: 'line',
      key: line.pendingId ? `pending-${line.pendingId}` : `line-${line.id}`,
      line,
    });
  }
  return rows;
}
