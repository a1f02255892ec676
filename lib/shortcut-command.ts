/**
 * The shortcut commands' names and what they mean, without their descriptions (lib/shortcuts.ts):
 * the content script, which runs in every LinkedIn frame, needs only this.
 */

/** Reacts with the n-th quick reaction (message emoji, or LinkedIn's n-th type) of the target in use. */
export type ReactNthCommand = `react-${1 | 2 | 3 | 4 | 5 | 6}`;
export type ShortcutCommand = ReactNthCommand | 'open-picker' | 'react-latest';

/** The 0-based quick reaction a `react-n` command means; null for the other commands. */
export function quickIndexOf(command: ShortcutCommand): number | null {
  const match = /^react-(\d)$/.exec(command);
  return match ? Number(match[1]) - 1 : null;
}
