import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { i18n } from '#i18n';
import type { AccountsOverview, DefaultAccount, KeySummary } from '@/lib/accounts/types';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { AccountList } from './AccountList';
import { BudgetLine } from './BudgetLine';
import { keyStatusText, type Tone } from './format';
import { KeyName } from './KeyName';
import { upsertKey } from './overview';
import { ACCOUNTS_KEY } from './queries';
import { RealtimeStatus } from './RealtimeStatus';
import { RemoveKey } from './RemoveKey';
import { alertText, errorMessage, secondaryButton, TONE_TEXT } from './ui';

const STATUS_TONE: Record<KeySummary['status'], Tone> = {
  valid: 'good',
  invalid: 'bad',
  unchecked: 'neutral',
};

interface KeyCardProps {
  apiKey: KeySummary;
  defaultAccount: DefaultAccount | null;
  onRemoved?: () => void;
}

/** One stored key: name, masked key, status, budget, live updates and its accounts. */
export function KeyCard({ apiKey: key, defaultAccount, onRemoved }: KeyCardProps) {
  const queryClient = useQueryClient();
  const headingId = useId();

  const recheck = useMutation({
    mutationFn: () => backgroundMessenger.sendMessage('recheckKey', { keyId: key.id }),
    onSuccess: (fresh) => {
      queryClient.setQueryData<AccountsOverview>(ACCOUNTS_KEY, (old) => upsertKey(old, fresh));
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
  });

  return (
    <li
      aria-labelledby={headingId}
      className="space-y-2 rounded border border-gray-200 p-3 dark:border-gray-800"
    >
      <KeyName keyId={key.id} label={key.label} headingId={headingId} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-gray-600 dark:text-gray-400">{i18n.t('keyCard.key')}</dt>
        <dd className="truncate font-mono">{key.maskedKey}</dd>
        <dt className="text-gray-600 dark:text-gray-400">{i18n.t('keyCard.status')}</dt>
        <dd>
          <span className={`font-medium ${TONE_TEXT[STATUS_TONE[key.status]]}`}>
            {keyStatusText(key.status)}
          </span>
          {key.status !== 'valid' && key.error ? <span>: {key.error}</span> : null}
        </dd>
      </dl>
      {key.rateLimit ? <BudgetLine budget={key.rateLimit} /> : null}
      <RealtimeStatus realtime={key.realtime} />
      <AccountList keyId={key.id} accounts={key.accounts} defaultAccount={defaultAccount} />
      <div className="flex flex-wrap gap-2 pt-1">
        <button
          type="button"
          aria-disabled={recheck.isPending || undefined}
          onClick={() => {
            if (!recheck.isPending) recheck.mutate();
          }}
          className={secondaryButton}
        >
          {recheck.isPending ? i18n.t('accountsShared.checking') : i18n.t('keyCard.recheck')}
          <span className="sr-only"> {key.label || i18n.t('accountsShared.thisKey')}</span>
        </button>
        <RemoveKey keyId={key.id} label={key.label} onRemoved={onRemoved} />
      </div>
      {recheck.isError ? (
        <p role="alert" className={alertText}>
          {errorMessage(recheck.error)}
        </p>
      ) : null}
    </li>
  );
}
