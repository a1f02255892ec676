/**
 * Export of the filtered lines: read chunk by chunk, written as one file, downloaded. The file's
 * name, its columns (CSV) and fields (JSON), and the `action` and `outcome` values stay English
 * whatever the browser's language (lib/history/export.ts): a data format that spreadsheets and
 * scripts read, the same for every member. Only the words around it (buttons, the "Exported …"
 * status) come from the catalogue.
 */
import { forEachMatching, pendingLines } from '@/lib/db/history';
import { exportFileName, toCsv, toJson } from '@/lib/history/export';
import type { HistoryFilter } from '@/lib/history/filter';
import type { HistoryLine } from '@/lib/history/words';
import { mergeNewestFirst } from './rows';

export async function exportHistory(
  filter: HistoryFilter,
  format: 'csv' | 'json',
  now = Date.now(),
): Promise<{ name: string; count: number; text: string }> {
  const stored: HistoryLine[] = [];
  // Phases as performance measures (the history benchmark reads them).
  const started = performance.now();
  await forEachMatching(filter, (lines) => {
    for (const line of lines) stored.push(line);
  });
  // Newest first (a stable sort keeps lines of the same millisecond in the order read).
  stored.sort((a, b) => b.at - a.at);
  const lines = mergeNewestFirst(await pendingLines(filter), stored);
  const read = performance.now();
  performance.measure('reactbar:export:read', { start: started, end: read });
  const text = format === 'csv' ? toCsv(lines) : toJson(lines, filter, now);
  performance.measure('reactbar:export:format', { start: read, end: performance.now() });
  return { name: exportFileName(filter, now, format), count: lines.length, text };
}

/** Saves a file through the page's own download (no downloads permission needed). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
