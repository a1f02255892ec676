/**
 * Keyboard shortcuts: the browser hears them (the manifest's `commands`), the background passes
 * each to every frame of the tab it was pressed in, and the frame whose target is in use acts
 * (lib/content/shortcuts.ts). No tab is read: the content script is the one that knows LinkedIn.
 */
import { browser } from 'wxt/browser';
import { isShortcutCommand } from '../shortcuts';
import { toLinkedInTabs } from './fanout';

/** Call once, synchronously at start, so a shortcut wakes the worker too. */
export function listenToShortcuts(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    // A tab without our content script (not LinkedIn) does not answer: nothing happens.
    if (!isShortcutCommand(command) || tab?.id === undefined) return;
    void toLinkedInTabs('shortcut', { command }, tab.id);
  });
}
