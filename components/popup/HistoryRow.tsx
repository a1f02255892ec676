import type { HistoryEntry } from '@/lib/reactions/types';
import {
  describeHistoryEntry,
  formatFullTime,
  formatWhen,
  outcomeText,
  outcomeTone,
  reactionSymbol,
  safeLink,
} from './format';
import { focusRing, mutedText, TONE_TEXT } from './ui';

/** One reaction: what, where, when, whether it landed, and a link to it. URNs only, no names. */
export function HistoryRow({ entry, now }: { entry: HistoryEntry; now: number }) {
  const link = safeLink(entry.link);
  return (
    <div className="flex items-start gap-3 border-b border-gray-100 px-3 py-2 dark:border-gray-800">
      <span aria-hidden="true" className="w-7 shrink-0 text-center text-xl leading-7">
        {reactionSymbol(entry)}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          <p className="truncate text-sm">{describeHistoryEntry(entry)}</p>
          <time
            dateTime={new Date(entry.at).toISOString()}
            title={formatFullTime(entry.at)}
            className={`${mutedText} shrink-0`}
          >
            {formatWhen(entry.at, now)}
          </time>
        </div>
        <div className="flex items-baseline justify-between gap-2">
          <p className="min-w-0 text-xs">
            <span className={TONE_TEXT[outcomeTone(entry.outcome)]}>{outcomeText(entry)}</span>
            {entry.source === 'remote' ? (
              <span className="text-gray-600 dark:text-gray-400"> · from another device</span>
            ) : null}
          </p>
          {link ? (
            <a
              href={link}
              target="_blank"
              rel="noopener noreferrer"
              className={`shrink-0 rounded text-xs text-brand underline dark:text-blue-300 ${focusRing}`}
            >
              Open<span className="sr-only"> the {entry.kind} on LinkedIn (new tab)</span>
            </a>
          ) : null}
        </div>
      </div>
    </div>
  );
}
