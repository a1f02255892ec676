/** Shared class names, so every control looks and focuses the same in light and dark. */
import { i18n } from '#i18n';
import type { Tone } from './format';

export const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand dark:focus-visible:outline-blue-300';

export const primaryButton = `rounded bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-dark aria-disabled:cursor-wait aria-disabled:opacity-70 ${focusRing}`;

export const secondaryButton = `rounded border border-gray-300 px-2 py-1 text-xs font-medium hover:bg-gray-100 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:border-gray-600 dark:hover:bg-gray-800 ${focusRing}`;

export const dangerButton = `rounded bg-red-700 px-2 py-1 text-xs font-semibold text-white hover:bg-red-800 aria-disabled:cursor-wait aria-disabled:opacity-70 ${focusRing}`;

export const textInput = `w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-600 dark:bg-gray-900 aria-[invalid=true]:border-red-600 ${focusRing}`;

export const alertText = 'text-xs text-red-700 dark:text-red-400';

export const mutedText = 'text-xs text-gray-600 dark:text-gray-400';

export const TONE_TEXT: Record<Tone, string> = {
  good: 'text-green-700 dark:text-green-400',
  warn: 'text-amber-700 dark:text-amber-300',
  bad: 'text-red-700 dark:text-red-400',
  neutral: 'text-gray-600 dark:text-gray-400',
};

export const TONE_DOT: Record<Tone, string> = {
  good: 'bg-green-600',
  warn: 'bg-amber-500',
  bad: 'bg-red-600',
  neutral: 'bg-gray-400',
};

/** A rejected promise's message, as the background wrote it for the user. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return i18n.t('popupUi.somethingWrong');
}
