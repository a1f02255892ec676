import { useEffect, useId, useState } from 'react';
import { focusRing, secondaryButton } from '@/components/popup/ui';
import { type HistoryFilter, isFiltered } from '@/lib/history/filter';
import { type LineStatus, reactionLabel } from '@/lib/history/words';
import { REACTION_TYPES } from '@/lib/kinds/registry';
import type { TargetKind } from '@/lib/reactions/types';
import { actorLabel } from './format';

const control = `rounded border border-gray-300 bg-white px-1.5 py-1 text-xs dark:border-gray-600 dark:bg-gray-900 ${focusRing}`;
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
    <fieldset className="space-y-1.5 px-3 pt-2" aria-label="Filter the history">
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-search`} className="sr-only">
          Search reactions
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          placeholder="Search: reaction, kind, outcome, date, text"
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
            Clear filters
          </button>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-3">
        <Select id={`${id}-kind`} label="Kind" value={filter.kind} onChange={set('kind')}>
          <option value="">All kinds</option>
          {(['message', 'post', 'comment'] satisfies TargetKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {kind[0]?.toUpperCase()}
              {kind.slice(1)}s
            </option>
          ))}
        </Select>
        <Select id={`${id}-value`} label="Reaction" value={filter.value} onChange={set('value')}>
          <option value="">All reactions</option>
          {reactions.map((value) => (
            <option key={value} value={value}>
              {reactionLabel(value)}
            </option>
          ))}
        </Select>
        <Select id={`${id}-status`} label="Outcome" value={filter.status} onChange={set('status')}>
          <option value="">All outcomes</option>
          {(['applied', 'removed', 'pending', 'failed'] satisfies LineStatus[]).map((status) => (
            <option key={status} value={status}>
              {status[0]?.toUpperCase()}
              {status.slice(1)}
            </option>
          ))}
        </Select>
        <Select id={`${id}-actor`} label="As" value={filter.actor} onChange={set('actor')}>
          <option value="">Every account</option>
          {actors.map((actor) => (
            <option key={actor} value={actor}>
              {actorLabel(actor, actorNames)}
            </option>
          ))}
        </Select>
        <DateInput id={`${id}-from`} label="From" value={filter.from} onChange={set('from')} />
        <DateInput id={`${id}-to`} label="To" value={filter.to} onChange={set('to')} />
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
