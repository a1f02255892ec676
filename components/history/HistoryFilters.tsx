import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { focusRing, secondaryButton } from '@/components/popup/ui';
import { type HistoryFilter, isFiltered } from '@/lib/history/filter';
import {
  kindsWord,
  type LineStatus,
  reactionLabel,
  statusWord,
  TARGET_KINDS,
} from '@/lib/history/words';
import { REACTION_TYPES } from '@/lib/kinds/registry';
import { actorLabel } from './format';

const control = `rounded border border-gray-300 bg-white px-1.5 py-1 text-xs dark:border-gray-600 dark:bg-gray-900 ${focusRing}`;
/** The Outcome filter's choices, in this order. */
const FILTER_STATUSES: readonly LineStatus[] = ['applied', 'removed', 'pending', 'failed'];
/** The search waits for a pause in typing before it reads. */
const SEARCH_PAUSE_MS = 150;

/**
 * Filters that combine (kind, reaction, outcome, as whom, from, to) and a search. Each control
 * has its own label; changes apply at once (the search after a pause in typing).
 */
export function HistoryFilters({
  filter,
  onChange,
  values,
  actors,
  actorNames,
}: {
  filter: HistoryFilter;
  onChange: (next: HistoryFilter) => void;
  values: readonly string[];
  actors: readonly string[];
  actorNames?: ReadonlyMap<string, string>;
}) {
  const id = useId();
  const [search, setSearch] = useState(filter.search ?? '');
  useEffect(() => setSearch(filter.search ?? ''), [filter.search]);
  useEffect(() => {
    if ((filter.search ?? '') === search) return;
    const timer = setTimeout(() => onChange({ ...filter, search }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  const set = (key: keyof HistoryFilter) => (value: string) =>
    onChange({ ...filter, [key]: value || undefined });
  const reactions = [...new Set([...REACTION_TYPES, ...values])];

  return (
    <fieldset className="space-y-1.5 px-3 pt-2" aria-label={i18n.t('historyFilters.label')}>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-search`} className="sr-only">
          {i18n.t('historyFilters.searchLabel')}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          placeholder={i18n.t('historyFilters.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
          className={`${control} min-w-0 flex-1`}
        />
        {isFiltered(filter) ? (
          <button
            type="button"
            className={secondaryButton}
            onClick={() => {
              setSearch('');
              onChange({});
            }}
          >
            {i18n.t('historyFilters.clear')}
          </button>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-3">
        <Select
          id={`${id}-kind`}
          label={i18n.t('historyFilters.kind')}
          value={filter.kind}
          onChange={set('kind')}
        >
          <option value="">{i18n.t('historyFilters.allKinds')}</option>
          {TARGET_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindsWord(kind)}
            </option>
          ))}
        </Select>
        <Select
          id={`${id}-value`}
          label={i18n.t('historyFilters.reaction')}
          value={filter.value}
          onChange={set('value')}
        >
          <option value="">{i18n.t('historyFilters.allReactions')}</option>
          {reactions.map((value) => (
            <option key={value} value={value}>
              {reactionLabel(value)}
            </option>
          ))}
        </Select>
        <Select
          id={`${id}-status`}
          label={i18n.t('historyFilters.outcome')}
          value={filter.status}
          onChange={set('status')}
        >
          <option value="">{i18n.t('historyFilters.allOutcomes')}</option>
          {FILTER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusWord(status)}
            </option>
          ))}
        </Select>
        <Select
          id={`${id}-actor`}
          label={i18n.t('historyFilters.actor')}
          value={filter.actor}
          onChange={set('actor')}
        >
          <option value="">{i18n.t('historyFilters.everyAccount')}</option>
          {actors.map((actor) => (
            <option key={actor} value={actor}>
              {actorLabel(actor, actorNames)}
            </option>
          ))}
        </Select>
        <DateInput
          id={`${id}-from`}
          label={i18n.t('historyFilters.from')}
          value={filter.from}
          onChange={set('from')}
        />
        <DateInput
          id={`${id}-to`}
          label={i18n.t('historyFilters.to')}
          value={filter.to}
          onChange={set('to')}
        />
      </div>
    </fieldset>
  );
}

function Select({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-w-0 items-center gap-1 text-xs">
      <label htmlFor={id} className="shrink-0 text-gray-700 dark:text-gray-300">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        className={`${control} min-w-0 flex-1`}
      >
        {children}
      </select>
    </div>
  );
}

function DateInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="flex min-w-0 items-center gap-1 text-xs">
      <label htmlFor={id} className="shrink-0 text-gray-700 dark:text-gray-300">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        className={`${control} min-w-0 flex-1`}
      />
    </div>
  );
}
