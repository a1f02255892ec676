import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { loadPostControls, savePostControls, watchPostControls } from '@/lib/post-controls';

const KEY = ['settings', 'postControls'];

/**
 * The options page's "Posts and comments" section: one switch for the reaction rows on feed
 * posts and the bars on comments. Open LinkedIn tabs follow it at once; messages are not affected.
 */
export function PostControlsSwitch() {
  const queryClient = useQueryClient();
  const id = useId();
  const on = useQuery({ queryKey: KEY, queryFn: loadPostControls });
  const save = useMutation({
    mutationKey: KEY,
    scope: { id: 'settings.postControls' },
    mutationFn: savePostControls,
    onMutate: (next) => queryClient.setQueryData(KEY, next),
    onError: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  // Changes made in another options tab. While a save of ours is on its way, an event from an
  // earlier one is stale (it would flip the switch back for a moment); the last save's own event
  // settles it.
  useEffect(
    () =>
      watchPostControls((next) => {
        if (queryClient.isMutating({ mutationKey: KEY }) === 0) queryClient.setQueryData(KEY, next);
      }),
    [queryClient],
  );
  // What the switch shows, set in the click's own event: the query cache tells its readers a
  // moment later, and a controlled checkbox that is not updated in the event is put back (a
  // busy page showed the old state, and a second click undid the first).
  const [shown, setShown] = useState<boolean | undefined>(undefined);
  useEffect(() => setShown(on.data), [on.data]);
  const checked = shown ?? on.data ?? true;

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Posts and comments
      </h2>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          className="mt-0.5 h-4 w-4"
          checked={checked}
          disabled={on.isPending}
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            setShown(event.target.checked);
            save.mutate(event.target.checked);
          }}
        />
        <span>
          <span className="font-medium">Show reactions on posts and comments</span>
          <span id={`${id}-help`} className="block text-gray-600 dark:text-gray-400">
            LinkedIn’s six reactions beside every feed post, and on comments and replies when you
            point at them. Turn this off if you only want message reactions.
          </span>
        </span>
      </label>
      {save.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          That setting could not be saved. Try again.
        </p>
      )}
    </section>
  );
}
