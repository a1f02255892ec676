/**
 * The quick set's default and where it is stored, without the validation around them: the
 * content script's shortcuts read the set before the bars' UI (which validates it) has loaded.
 */
export const DEFAULT_QUICK_SET: readonly string[] = Object.freeze([
  '👍',
  '❤️',
  '😂',
  '😮',
  '😢',
  '👏',
]);

/** The `storage.local` key of the member's quick set. */
export const QUICK_SET_STORAGE_KEY = 'settings.quickSet';
