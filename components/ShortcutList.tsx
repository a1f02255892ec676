import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { SHORTCUTS } from '@/lib/shortcuts';

/** The keys each shortcut has now, as the browser reports them ('' when none is set). */
async function currentKeys(): Promise<Record<string, string>> {
  const commands = await browser.commands.getAll();
  return Object.fromEntries(
    commands.map((command) => [command.name ?? '', command.shortcut ?? '']),
  );
}

/** Opens the browser's own page for changing extension shortcuts. */
function openShortcutSettings(): void {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  // Firefox has a call for it; Chrome's page opens as a tab.
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/**
 * The options page's "Keyboard shortcuts" section: what each does and its keys now. The keys
 * are the browser's to change (so people can fit them to their keyboard and other extensions).
 */
export function ShortcutList() {
  const id = useId();
  const keys = useQuery({ queryKey: ['commands'], queryFn: currentKeys });

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {i18n.t('shortcutList.title')}
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">{i18n.t('shortcutList.intro')}</p>
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {i18n.t('shortcutList.shortcut')}
            </th>
            <th scope="col" className="py-1 font-medium">
              {i18n.t('shortcutList.whatItDoes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((spec) => {
            const shortcut = keys.data?.[spec.command];
            return (
              <tr key={spec.command} className="border-t border-gray-200 dark:border-gray-800">
                <td className="py-1 pr-3 whitespace-nowrap">
                  {keys.isPending ? (
                    '…'
                  ) : shortcut ? (
                    <kbd className="rounded border border-gray-300 px-1 font-mono text-xs dark:border-gray-700">
                      {shortcut}
                    </kbd>
                  ) : (
                    <span className="text-gray-600 dark:text-gray-400">
                      {i18n.t('shortcutList.notSet')}
                    </span>
                  )}
                </td>
                <td className="py-1">{i18n.t(spec.messageKey)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={openShortcutSettings}
        className="rounded border border-gray-300 px-3 py-1 text-sm font-medium hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:hover:bg-gray-900"
      >
        {i18n.t('shortcutList.change')}
      </button>
    </section>
  );
}
