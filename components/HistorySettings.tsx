import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { historyRetention } from '@/lib/db/items';
import {
  loadHistorySnippets,
  SNIPPET_MAX,
  saveHistorySnippets,
  watchHistorySnippets,
} from '@/lib/history-snippets';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { errorMessage } from './popup/ui';
import { type StoredSwitchSource, useStoredSwitch } from './useStoredSwitch';

const KEY = ['settings', 'historyRetention'];
/** "Keep a short text of what I react to": off unless the member switches it on. */
const SNIPPETS: StoredSwitchSource = {
  key: ['settings', 'historySnippets'],
  load: loadHistorySnippets,
  save: saveHistorySnippets,
  watch: watchHistorySnippets,
  fallback: false,
};
const input =
  'w-32 rounded border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-600 dark:bg-gray-900';

/**
 * The options page's "History" section: how many lines to keep and for how long. Saved by the
 * background, which drops what no longer fits at once.
 */
export function HistorySettings() {
  const id = useId();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: KEY, queryFn: () => historyRetention.get() });
  const [maxLines, setMaxLines] = useState('');
  const [maxDays, setMaxDays] = useState('');
  useEffect(() => {
    if (!stored.data) return;
    setMaxLines(String(stored.data.maxLines));
    setMaxDays(stored.data.maxDays === null ? '' : String(stored.data.maxDays));
  }, [stored.data]);
  const save = useMutation({
    mutationFn: () =>
      backgroundMessenger.sendMessage('setHistoryRetention', {
        maxLines: Number(maxLines),
        maxDays: maxDays.trim() === '' ? null : Number(maxDays),
      }),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });

  const snippets = useStoredSwitch(SNIPPETS);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {i18n.t('historySettings.title')}
      </h2>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          role="switch"
          aria-checked={snippets.checked}
          className="mt-0.5 h-4 w-4"
          checked={snippets.checked}
          disabled={snippets.loading}
          aria-describedby={`${id}-snippets-help`}
          onChange={(event) => snippets.set(event.target.checked)}
        />
        <span>
          <span className="font-medium">{i18n.t('historySettings.snippetsLabel')}</span>
          <span id={`${id}-snippets-help`} className="block text-gray-600 dark:text-gray-400">
            {i18n.t('historySettings.snippetsHelp', [String(SNIPPET_MAX)])}
          </span>
        </span>
      </label>
      <form onSubmit={submit} className="space-y-2 text-sm">
        <label className="flex items-center gap-3">
          <span className="w-48">{i18n.t('historySettings.maxLines')}</span>
          <input
            type="number"
            min={100}
            max={1_000_000}
            step={100}
            required
            value={maxLines}
            onChange={(event) => setMaxLines(event.target.value)}
            className={input}
          />
        </label>
        <label className="flex items-center gap-3">
          <span className="w-48">{i18n.t('historySettings.maxDays')}</span>
          <input
            type="number"
            min={1}
            max={36_500}
            placeholder={i18n.t('historySettings.maxDaysNever')}
            value={maxDays}
            aria-describedby={`${id}-days-help`}
            onChange={(event) => setMaxDays(event.target.value)}
            className={input}
          />
        </label>
        <p id={`${id}-days-help`} className="text-gray-600 dark:text-gray-400">
          {i18n.t('historySettings.daysHelp')}
        </p>
        <button
          type="submit"
          className="rounded bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-dark"
        >
          {i18n.t('historySettings.apply')}
        </button>
        <p role="status" className="text-gray-600 dark:text-gray-400">
          {save.isSuccess ? i18n.t('historySettings.applied') : ''}
        </p>
        {save.isError ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {errorMessage(save.error)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
