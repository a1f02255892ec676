import '@/lib/zod-jitless';
import '@/components/styles.css';
import { i18n } from '#i18n';
import { ConnectionForm } from '@/components/ConnectionForm';
import { HistorySettings } from '@/components/HistorySettings';
import { PostControlsSwitch } from '@/components/PostControlsSwitch';
import { QuickSetEditor } from '@/components/QuickSetEditor';
import { mountPage } from '@/components/query-client';
import { ShortcutList } from '@/components/ShortcutList';

// The page's language is the catalogue's the browser chose (index.html says English).
document.documentElement.lang = i18n.t('lang');
document.title = i18n.t('options.title');

mountPage(
  <main className="mx-auto max-w-2xl space-y-8 p-6">
    <h1 className="text-2xl font-bold">{i18n.t('options.title')}</h1>
    <QuickSetEditor />
    <PostControlsSwitch />
    <ShortcutList />
    <HistorySettings />
    <ConnectionForm />
    <footer className="border-t border-gray-200 pt-4 text-sm dark:border-gray-800">
      <a className="underline" href="/privacy.html" target="_blank" rel="noreferrer">
        {i18n.t('options.privacyLink')}
      </a>
      {i18n.t('options.privacyAbout')}
    </footer>
  </main>,
);
