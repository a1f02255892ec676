/**
 * Keyboard shortcuts, declared through the browser's `commands` so that people can change them
 * in the browser's own shortcut settings. One list serves the manifest (wxt.config.ts), the
 * background (which hears the command) and the options page (which lists them).
 */
import type { ReactNthCommand, ShortcutCommand } from './shortcut-command';

export type { ShortcutCommand } from './shortcut-command';
export { quickIndexOf } from './shortcut-command';

export interface ShortcutSpec {
  command: ShortcutCommand;
  /** What the browser's shortcut settings and the options page say it does. */
  description: string;
  /**
   * The key suggested at install. Chrome accepts at most four suggestions per extension; the
   * others start unassigned and can be set in the browser's shortcut settings.
   */
  suggestedKey?: string;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'] as const;

export const SHORTCUTS: readonly ShortcutSpec[] = [
  ...ORDINALS.map(
    (ordinal, index): ShortcutSpec => ({
      command: `react-${index + 1}` as ReactNthCommand,
      description: `React with the ${ordinal} quick reaction to the hovered or focused message, post or comment`,
      // Alt+Shift+digit: free on LinkedIn and in both browsers.
      ...(index < 2 && { suggestedKey: `Alt+Shift+${index + 1}` }),
    }),
  ),
  {
    command: 'open-picker',
    description: 'Open the emoji picker on the hovered or focused message (a post: its row)',
    suggestedKey: 'Alt+Shift+P',
  },
  {
    command: 'react-latest',
    description: 'React with the first quick reaction to the latest message in the open thread',
    suggestedKey: 'Alt+Shift+L',
  },
];

const COMMANDS = new Set<string>(SHORTCUTS.map((spec) => spec.command));

export function isShortcutCommand(value: unknown): value is ShortcutCommand {
  return typeof value === 'string' && COMMANDS.has(value);
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
        description: spec.description,
        ...(spec.suggestedKey && { suggested_key: { default: spec.suggestedKey } }),
      },
    ]),
  );
}
