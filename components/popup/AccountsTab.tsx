import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { AccountsOverview } from '@/lib/accounts/types';
import { AddKeyForm } from './AddKeyForm';
import { KeyCard } from './KeyCard';
import { LinkedInSection } from './LinkedInSection';
import { useAccounts } from './queries';
import { alertText, mutedText, secondaryButton } from './ui';

/**
 * Keys, their accounts and the default account, and the form to add a key (messages, through
 * ConnectSafely); then the LinkedIn connection (posts and comments).
 */
export function AccountsTab() {
  const accounts = useAccounts();
  const keyInput = useRef<HTMLInputElement>(null);
  const keysHeading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const keyCount = accounts.data?.keys.length;
  const headingId = useId();

  // With nothing stored, adding a key is the only thing to do here.
  useEffect(() => {
    if (keyCount === 0) keyInput.current?.focus();
  }, [keyCount]);

  let keysPart: ReactNode;
  if (accounts.data) {
    keysPart = keysView(accounts.data);
  } else if (accounts.isError) {
    keysPart = <LoadProblem error={accounts.error} onRetry={() => void accounts.refetch()} />;
  } else {
    keysPart = <p className={mutedText}>{i18n.t('accountsTab.loading')}</p>;
  }

  // Whatever is loaded, the LinkedIn section stays in one place, so a refresh never remounts it
  // (and never empties a field the member is filling in).
  return (
    <div className="space-y-3 p-3">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {keysPart}
      {/* The keys shown stay; a refresh that failed is said beside them. */}
      {accounts.data && accounts.isRefetchError ? (
        <LoadProblem error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : null}
      <div className="border-t border-gray-200 pt-3 dark:border-gray-800">
        <LinkedInSection announce={setAnnouncement} />
      </div>
    </div>
  );

  function keysView({ keys, defaultAccount }: AccountsOverview): ReactNode {
    const addForm = (
      <AddKeyForm
        keyInputRef={keyInput}
        onAdded={(label) =>
          setAnnouncement(
            label ? i18n.t('accountsTab.addedNamed', [label]) : i18n.t('accountsTab.added'),
          )
        }
      />
    );

    return keys.length === 0 ? (
      <>
        <p className="text-sm">{i18n.t('accountsTab.intro')}</p>
        {addForm}
      </>
    ) : (
      <>
        <section aria-labelledby={headingId} className="space-y-2">
          <h2
            id={headingId}
            ref={keysHeading}
            tabIndex={-1}
            className="text-sm font-semibold outline-none"
          >
            {i18n.t('accountsTab.yourKeys')}
          </h2>
          {defaultAccount || !keys.some((key) => key.accounts.length > 0) ? null : (
            <p className="text-xs text-amber-700 dark:text-amber-300">
              {i18n.t('accountsTab.chooseDefault', [i18n.t('accountList.legend')])}
            </p>
          )}
          <ul className="space-y-3">
            {keys.map((key) => (
              <KeyCard
                key={key.id}
                apiKey={key}
                defaultAccount={defaultAccount}
                onRemoved={() => {
                  setAnnouncement(i18n.t('accountsTab.removed'));
                  keysHeading.current?.focus();
                }}
              />
            ))}
          </ul>
        </section>
        {addForm}
      </>
    );
  }
}

/** A load or refresh the background did not answer, with a way to try again. */
function LoadProblem({ error, onRetry }: { error: Error; onRetry(): void }) {
  return (
    <div className="space-y-2">
      <p role="alert" className={alertText}>
        {i18n.t('accountsTab.loadFailed', [error.message])}
      </p>
      <button type="button" onClick={onRetry} className={secondaryButton}>
        {i18n.t('accountsShared.tryAgain')}
      </button>
    </div>
  );
}
