import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { AccountsTab } from './popup/AccountsTab';
import { pickInitialTab, type TabId } from './popup/format';
import { HistoryTab } from './popup/HistoryTab';
import { useAccounts, useLinkedIn, usePopupBroadcasts } from './popup/queries';
import { type TabSpec, Tabs } from './popup/Tabs';
import { focusRing, mutedText } from './popup/ui';
import { StatusPanel } from './StatusPanel';

const TABS: ReadonlyArray<TabSpec<TabId>> = [
  { id: 'history', label: i18n.t('popup.historyTab'), render: () => <HistoryTab /> },
  { id: 'accounts', label: i18n.t('popup.accountsTab'), render: () => <AccountsTab /> },
];

function currentHash(): string {
  return typeof location === 'undefined' ? '' : location.hash;
}

/** The toolbar popup: History and Accounts tabs, and the connection details at the bottom. */
export function PopupApp() {
  usePopupBroadcasts();
  const accounts = useAccounts();
  const linkedIn = useLinkedIn();
  const [chosen, setChosen] = useState<TabId | null>(() =>
    currentHash() === '#accounts' ? 'accounts' : null,
  );
  // Until the user picks a tab, the first one follows the hash and whether anything is set up
  // (a key, a LinkedIn connection); it is then kept, so adding the first key or connecting
  // LinkedIn does not switch tabs under the user.
  const keyCount = accounts.data?.keys.length;
  const setUp = keyCount === undefined ? undefined : keyCount + (linkedIn.data?.connection ? 1 : 0);
  const initial =
    accounts.isPending || linkedIn.isPending ? null : pickInitialTab(currentHash(), setUp);
  const selected = chosen ?? initial;

  useEffect(() => {
    if (chosen === null && initial !== null) setChosen(initial);
  }, [chosen, initial]);

  // The LinkedIn page links to #accounts; follow it if the popup is already open there.
  useEffect(() => {
    const follow = () => {
      if (currentHash() === '#accounts') setChosen('accounts');
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  return (
    <div className="flex min-h-[200px] flex-col">
      <header className="flex items-center justify-between px-3 pt-3 pb-1">
        <h1 className="text-base font-bold">{i18n.t('extName')}</h1>
        <button
          type="button"
          className={`rounded text-sm text-brand underline dark:text-blue-300 ${focusRing}`}
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {i18n.t('popup.options')}
        </button>
      </header>
      <main className="flex-1">
        {selected === null ? (
          <p className={`${mutedText} p-4`}>{i18n.t('popup.loading')}</p>
        ) : (
          <Tabs label={i18n.t('extName')} tabs={TABS} selected={selected} onSelect={setChosen} />
        )}
      </main>
      <footer className="border-t border-gray-200 px-3 py-2 dark:border-gray-800">
        <details>
          <summary
            className={`cursor-pointer rounded text-xs font-medium text-gray-600 dark:text-gray-400 ${focusRing}`}
          >
            {i18n.t('popup.connection')}
          </summary>
          <div className="pt-2">
            <StatusPanel />
          </div>
        </details>
      </footer>
    </div>
  );
}
