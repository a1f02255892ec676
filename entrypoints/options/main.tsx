import '@/components/styles.css';
import { ConnectionForm } from '@/components/ConnectionForm';
import { HistorySettings } from '@/components/HistorySettings';
import { PostControlsSwitch } from '@/components/PostControlsSwitch';
import { QuickSetEditor } from '@/components/QuickSetEditor';
import { mountPage } from '@/components/query-client';

mountPage(
  <main className="mx-auto max-w-2xl space-y-8 p-6">
    <h1 className="text-2xl font-bold">Reactbar options</h1>
    <QuickSetEditor />
    <PostControlsSwitch />
    <HistorySettings />
    <ConnectionForm />
  </main>,
);
