/**
 * Keyboard shortcuts, declared through the browser's `commands` so that people can change them
 * in the browser's own shortcut settings. One list serves the manifest (wxt.config.ts), the
 * background (which hears the command) and the options page (which lists them).
 */
import type { ReactNthCommand, ShortcutCommand } from './shortcut-command';

export type { ShortcutCommand } from './shortcut-command';
export { quickIndexOf } from './shortcut-command';

/** The catalogue's key (locales/*.yml) of a shortcut's description. */
export type ShortcutMessageKey =
  | `shortcuts.react${1 | 2 | 3 | 4 | 5 | 6}`
  | 'shortcuts.openPicker'
  | 'shortcuts.reactLatest';

export interface ShortcutSpec {
  command: ShortcutCommand;
  /**
   * What the browser's shortcut settings and the options page say it does: the catalogue's key
   * (the manifest names it as `__MSG_…__`, the options page through `i18n.t`).
   */
  messageKey: ShortcutMessageKey;
  /**
   * The key suggested at install. Chrome accepts at most four suggestions per extension; the
   * others start unassigned and can be set in the browser's shortcut settings.
   */
  suggestedKey?: string;
}

const NTH = [1, 2, 3, 4, 5, 6] as const;

export const SHORTCUTS: readonly ShortcutSpec[] = [
  ...NTH.map(
    (nth, index): ShortcutSpec => ({
      command: `react-${nth}` as ReactNthCommand,
      messageKey: `shortcuts.react${nth}`,
      // Alt+Shift+digit: free on LinkedIn and in both browsers.
      ...(index < 2 && { suggestedKey: `Alt+Shift+${index + 1}` }),
    }),
  ),
  {
    command: 'open-picker',
    messageKey: 'shortcuts.openPicker',
    suggestedKey: 'Alt+Shift+P',
  },
  {
    command: 'react-latest',
    messageKey: 'shortcuts.reactLatest',
    suggestedKey: 'Alt+Shift+L',
  },
];

const COMMANDS = new Set<string>(SHORTCUTS.map((spec) => spec.command));

export function isShortcutCommand(value: unknown): value is ShortcutCommand {
  return typeof value === 'string' && COMMANDS.has(value);
}

/** A catalogue key as the manifest names it: `__MSG_…__`, nested keys joined by `_`. */
export function manifestMessage(key: string): string {
  return `__MSG_${key.replaceAll('.', '_')}__`;
}

/** The manifest's `commands` entry. */
export function manifestCommands(): Record<
  string,
  { description: string; suggested_key?: { default: string } }
> {
  return Object.fromEntries(
    SHORTCUTS.map((spec) => [
      spec.command,
      {
        description: manifestMessage(spec.messageKey),
        ...(spec.suggestedKey && { suggested_key: { default: spec.suggestedKey } }),
      },
    ]),
  );
}
