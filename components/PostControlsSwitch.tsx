import { useId } from 'react';
import { i18n } from '#i18n';
import { loadPostControls, savePostControls, watchPostControls } from '@/lib/post-controls';
import { type StoredSwitchSource, useStoredSwitch } from './useStoredSwitch';

const SOURCE: StoredSwitchSource = {
  key: ['settings', 'postControls'],
  load: loadPostControls,
  save: savePostControls,
  watch: watchPostControls,
  fallback: true,
};

/**
 * The options page's "Posts and comments" section: one switch for the reaction rows on feed
 * posts and the bars on comments. Open LinkedIn tabs follow it at once; messages are not affected.
 */
export function PostControlsSwitch() {
  const id = useId();
  const on = useStoredSwitch(SOURCE);

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {i18n.t('postControls.title')}
      </h2>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          role="switch"
          aria-checked={on.checked}
          className="mt-0.5 h-4 w-4"
          checked={on.checked}
          disabled={on.loading}
          aria-describedby={`${id}-help`}
          onChange={(event) => on.set(event.target.checked)}
        />
        <span>
          <span className="font-medium">{i18n.t('postControls.label')}</span>
          <span id={`${id}-help`} className="block text-gray-600 dark:text-gray-400">
            {i18n.t('postControls.help')}
          </span>
        </span>
      </label>
      {on.saveFailed && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {i18n.t('postControls.saveFailed')}
        </p>
      )}
    </section>
  );
}
