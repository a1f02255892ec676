import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { i18n } from '#i18n';
import type { AccountSummary, AccountsOverview, DefaultAccount } from '@/lib/accounts/types';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { accountStatusText } from './format';
import { isDefault, withDefault } from './overview';
import { ACCOUNTS_KEY } from './queries';
import { alertText, errorMessage, focusRing, mutedText } from './ui';

/** One name for every key's radios: there is a single default account across all keys. */
const RADIO_NAME = 'reactbar-default-account';

interface AccountListProps {
  keyId: string;
  accounts: AccountSummary[];
  defaultAccount: DefaultAccount | null;
}

/** A key's LinkedIn accounts, and the radio group choosing which one reacts. */
export function AccountList({ keyId, accounts, defaultAccount }: AccountListProps) {
  const queryClient = useQueryClient();
  const id = useId();

  const choose = useMutation({
    mutationFn: ({ accountId }: { accountId: string; before?: AccountsOverview }) =>
      backgroundMessenger.sendMessage('setDefaultAccount', { keyId, accountId }),
    onError: (_error, { before }) => {
      if (before) queryClient.setQueryData(ACCOUNTS_KEY, before);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
  });

  /** The radio follows the click in the same render (a controlled radio would flick back). */
  function chooseAccount(accountId: string): void {
    const before = queryClient.getQueryData<AccountsOverview>(ACCOUNTS_KEY);
    void queryClient.cancelQueries({ queryKey: ACCOUNTS_KEY });
    queryClient.setQueryData<AccountsOverview>(ACCOUNTS_KEY, (old) =>
      withDefault(old, { keyId, accountId }),
    );
    choose.mutate({ accountId, before });
  }

  if (accounts.length === 0) {
    return <p className={mutedText}>{i18n.t('accountList.none')}</p>;
  }

  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-xs font-medium">{i18n.t('accountList.legend')}</legend>
      <ul className="space-y-1">
        {accounts.map((account) => {
          const inputId = `${id}-${account.id}`;
          return (
            <li
              key={account.id}
              className="flex items-start gap-2 rounded px-1 py-1 has-[:checked]:bg-blue-50 dark:has-[:checked]:bg-blue-950"
            >
              <input
                id={inputId}
                type="radio"
                name={RADIO_NAME}
                value={`${keyId}/${account.id}`}
                checked={isDefault(defaultAccount, keyId, account.id)}
                onChange={() => chooseAccount(account.id)}
                aria-describedby={`${inputId}-details`}
                className={`mt-0.5 accent-brand ${focusRing}`}
              />
              <div className="min-w-0 flex-1">
                <label htmlFor={inputId} className="block truncate text-sm font-medium">
                  {account.name || account.publicId || i18n.t('accountList.unnamed')}
                </label>
                <p id={`${inputId}-details`} className={mutedText}>
                  <span className="font-mono">{account.publicId}</span>
                  {' · '}
                  {accountStatusText(account.status)}
                  {' · '}
                  {account.apiSeatAllocated
                    ? i18n.t('accountList.apiSeatYes')
                    : i18n.t('accountList.apiSeatNo')}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {choose.isError ? (
        <p role="alert" className={alertText}>
          {errorMessage(choose.error)}
        </p>
      ) : null}
    </fieldset>
  );
}
