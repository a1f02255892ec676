import { useMutation, useQueryClient } from '@tanstack/react-query';
import { i18n } from '#i18n';
import { formatFullTime, formatWhen } from '@/components/popup/format';
import {
  errorMessage,
  focusRing,
  mutedText,
  secondaryButton,
  TONE_TEXT,
} from '@/components/popup/ui';
import { type HistoryLine, reactionSymbol, statusOf } from '@/lib/history/words';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { actorLabel, describeLine, openUrl, outcomeWords } from './format';
import { HISTORY_KEY } from './queries';

const STATUS_TONE = {
  applied: 'good',
  removed: 'neutral',
  failed: 'bad',
  pending: 'warn',
} as const;

/**
 * One reaction: what, on what, as whom, when, what became of it (and why), a link that opens
 * the target on LinkedIn, and Undo. URNs only: no names.
 */
export function HistoryLineRow({
  line,
  now,
  actors,
}: {
  line: HistoryLine;
  now: number;
  actors?: ReadonlyMap<string, string>;
}) {
  const queryClient = useQueryClient();
  const url = openUrl(line);
  const what = describeLine(line);
  const status = statusOf(line);
  const undo = useMutation({
    mutationFn: async (id: number) => {
      const answer = await backgroundMessenger.sendMessage('undoReaction', { id });
      if (!answer.accepted) throw new Error(answer.message);
      return answer;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: HISTORY_KEY }),
  });
  return (
    <div
      className="flex items-start gap-3 border-b border-gray-100 px-3 py-2 dark:border-gray-800"
      data-status={status}
    >
      <span aria-hidden="true" className="w-7 shrink-0 text-center text-xl leading-7">
        {reactionSymbol(line)}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          <p className="truncate text-sm" data-testid="history-what">
            {what}
          </p>
          <time
            dateTime={new Date(line.at).toISOString()}
            title={formatFullTime(line.at)}
            className={`${mutedText} shrink-0`}
          >
            {formatWhen(line.at, now)}
          </time>
        </div>
        <p className={`${mutedText} truncate`}>
          {i18n.t('historyLine.actor', [actorLabel(line.actor, actors)])}
          {line.source === 'remote' ? ` · ${i18n.t('historyLine.remote')}` : ''}
          {line.snippet ? (
            <span className="italic"> · {i18n.t('historyLine.snippet', [line.snippet])}</span>
          ) : null}
        </p>
        <div className="flex items-baseline justify-between gap-2">
          <p className={`min-w-0 text-xs ${TONE_TEXT[STATUS_TONE[status]]}`}>
            {outcomeWords(line)}
          </p>
          <span className="flex shrink-0 items-baseline gap-2">
            {line.id !== undefined && status !== 'failed' ? (
              <button
                type="button"
                className={secondaryButton}
                aria-disabled={undo.isPending}
                aria-label={i18n.t('historyLine.undoLabel', [what, formatFullTime(line.at)])}
                onClick={() => {
                  if (!undo.isPending && line.id !== undefined) undo.mutate(line.id);
                }}
              >
                {i18n.t('historyLine.undo')}
                <span className="sr-only">
                  : {what}, {formatFullTime(line.at)}
                </span>
              </button>
            ) : null}
            {url ? (
              <a
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={i18n.t(`historyLine.openLabel.${line.kind}`)}
                className={`rounded text-xs text-brand underline dark:text-blue-300 ${focusRing}`}
              >
                {i18n.t('historyLine.open')}
              </a>
            ) : null}
          </span>
        </div>
        {undo.isError ? (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {errorMessage(undo.error)}
          </p>
        ) : null}
        {undo.isSuccess ? (
          <p role="status" className={mutedText}>
            {undo.data.request.react
              ? i18n.t('historyLine.undoneReact')
              : i18n.t('historyLine.undoneRemove')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
