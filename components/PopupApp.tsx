import { browser } from 'wxt/browser';
import { StatusPanel } from './StatusPanel';

export function PopupApp() {
  return (
    <main className="space-y-3 p-4">
      <header className="flex items-center justify-between">
        <h1 className="text-base font-bold">Reactbar</h1>
        <button
          type="button"
          className="text-sm text-brand underline dark:text-blue-300"
          onClick={() => browser.runtime.openOptionsPage()}
        >
          Options
        </button>
      </header>
      <StatusPanel />
    </main>
  );
}
