/**
 * Export of the filtered lines: each chunk written as rows while the next is read, then handed
 * to the download as one file of parts. The file's name, its columns (CSV) and fields (JSON),
 * and the `action` and `outcome` values stay English whatever the browser's language
 * (lib/history/export.ts): a data format that spreadsheets and scripts read, the same for every
 * member. Only the words around it (buttons, the "Exported …" status) come from the catalogue.
 */
import { forEachMatching, pendingLines } from '@/lib/db/history';
import { exportFileName, historyFile } from '@/lib/history/export';
import type { HistoryFilter } from '@/lib/history/filter';

export async function exportHistory(
  filter: HistoryFilter,
  format: 'csv' | 'json',
  now = Date.now(),
): Promise<{ name: string; count: number; parts: string[] }> {
  const file = historyFile(format);
  // Phases as performance measures (the history benchmark reads them).
  const started = performance.now();
  await forEachMatching(filter, (lines) => file.add(lines));
  file.add(await pendingLines(filter));
  const read = performance.now();
  performance.measure('reactbar:export:read', { start: started, end: read });
  // Newest first, in parts of a few thousand lines.
  const parts = file.parts(filter, now);
  performance.measure('reactbar:export:format', { start: read, end: performance.now() });
  return { name: exportFileName(filter, now, format), count: file.count, parts };
}

/** Saves a file through the page's own download (no downloads permission needed). */
export function download(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
