import '@/lib/zod-jitless';
import '@/components/styles.css';
import { ConnectionForm } from '@/components/ConnectionForm';
import { HistorySettings } from '@/components/HistorySettings';
import { PostControlsSwitch } from '@/components/PostControlsSwitch';
import { QuickSetEditor } from '@/components/QuickSetEditor';
import { mountPage } from '@/components/query-client';
import { ShortcutList } from '@/components/ShortcutList';

mountPage(
  <main className="mx-auto max-w-2xl space-y-8 p-6">
    <h1 className="text-2xl font-bold">Reactbar options</h1>
    <QuickSetEditor />
    <PostControlsSwitch />
    <ShortcutList />
    <HistorySettings />
    <ConnectionForm />
    <footer className="border-t border-gray-200 pt-4 text-sm dark:border-gray-800">
      <a className="underline" href="/privacy.html" target="_blank" rel="noreferrer">
        Privacy policy
      </a>
      : what Reactbar stores on this device, what it sends to ConnectSafely and LinkedIn, and for
      how long.
    </footer>
  </main>,
);
