import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { EmojiPicker } from '@/components/emoji/EmojiPicker';
import { injectEmojiPickerCss } from '@/components/emoji/styles';
import {
  addEmoji,
  DEFAULT_QUICK_SET,
  loadQuickSet,
  MAX_QUICK_SET,
  moveEmoji,
  removeEmoji,
  resetQuickSet,
  saveQuickSet,
  watchQuickSet,
} from '@/lib/quick-set';

const QUICK_SET_KEY = ['settings', 'quickSet'];

type QuickSetChange = readonly string[] | 'reset';

const SMALL_BUTTON =
  'rounded px-1.5 py-0.5 text-sm text-gray-700 hover:bg-gray-100 focus-visible:outline-2 ' +
  'aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:bg-transparent ' +
  'dark:text-gray-300 dark:hover:bg-gray-800';

/** The options page's "Quick reactions" section: the emoji on every message's bar. */
export function QuickSetEditor() {
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const quickSet = useQuery({ queryKey: QUICK_SET_KEY, queryFn: loadQuickSet });
  const [pickerOpen, setPickerOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const [focusAfterRemove, setFocusAfterRemove] = useState<string | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const pickerAreaRef = useRef<HTMLDivElement>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());

  const save = useMutation({
    mutationKey: QUICK_SET_KEY,
    // One save at a time, in order, so the last change is the one stored.
    scope: { id: 'settings.quickSet' },
    mutationFn: (change: QuickSetChange) =>
      change === 'reset' ? resetQuickSet() : saveQuickSet(change),
    // The list updates at once; storage follows.
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: QUICK_SET_KEY });
      queryClient.setQueryData(QUICK_SET_KEY, change === 'reset' ? [...DEFAULT_QUICK_SET] : change);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: QUICK_SET_KEY }),
  });

  useEffect(() => injectEmojiPickerCss(), []);

  // Changes made in another options tab. Our own saves echo back here too; while one is in
  // flight the list on screen is already newer than the echo, so it is skipped.
  useEffect(
    () =>
      watchQuickSet((list) => {
        if (queryClient.isMutating({ mutationKey: QUICK_SET_KEY }) === 0) {
          queryClient.setQueryData(QUICK_SET_KEY, list);
        }
      }),
    [queryClient],
  );

  // Removing an emoji removes the focused button: move focus to a neighbour's.
  useEffect(() => {
    if (focusAfterRemove === null) return;
    (removeButtons.current.get(focusAfterRemove) ?? addButtonRef.current)?.focus();
    setFocusAfterRemove(null);
  }, [focusAfterRemove]);

  // A click outside the open picker closes it, like the picker on LinkedIn pages.
  useEffect(() => {
    if (!pickerOpen) return;
    function closeOnOutsideClick(event: PointerEvent) {
      if (!pickerAreaRef.current?.contains(event.target as Node)) setPickerOpen(false);
    }
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [pickerOpen]);

  const list = quickSet.data ?? [];
  const full = list.length >= MAX_QUICK_SET;

  function change(next: readonly string[]) {
    setNotice('');
    if (next !== list) save.mutate(next);
  }

  function remove(index: number) {
    const next = removeEmoji(list, index);
    if (next === list) return;
    change(next);
    setFocusAfterRemove(next[Math.min(index, next.length - 1)] ?? null);
  }

  function closePicker() {
    setPickerOpen(false);
    addButtonRef.current?.focus();
  }

  function pick(emoji: string) {
    const next = addEmoji(list, emoji);
    if (next === list) {
      setNotice(
        full
          ? i18n.t('quickSet.atMost', [String(MAX_QUICK_SET)])
          : i18n.t('quickSet.alreadyIn', [emoji]),
      );
    } else {
      change(next);
    }
    closePicker();
  }

  let status = notice;
  if (!status && save.isPending) status = i18n.t('quickSet.saving');
  else if (!status && save.isError) status = i18n.t('quickSet.notSaved', [save.error.message]);
  else if (!status && save.isSuccess) status = i18n.t('quickSet.saved');

  return (
    <section aria-labelledby={`${idPrefix}-title`} className="space-y-4">
      <h2 id={`${idPrefix}-title`} className="text-lg font-semibold">
        {i18n.t('quickSet.title')}
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        {i18n.t('quickSet.intro', [String(MAX_QUICK_SET)])}
      </p>
      {quickSet.isPending ? (
        <p className="text-sm text-gray-500">{i18n.t('quickSet.loading')}</p>
      ) : (
        <ol aria-label={i18n.t('quickSet.listLabel')} className="flex flex-wrap gap-2">
          {list.map((emoji, index) => (
            <li
              key={emoji}
              className="flex items-center gap-0.5 rounded border border-gray-300 py-1 pr-1 pl-2 dark:border-gray-600"
            >
              <span className="mr-1 text-2xl leading-none">{emoji}</span>
              <button
                type="button"
                aria-label={i18n.t('quickSet.moveLeft', [emoji])}
                aria-disabled={index === 0 || undefined}
                onClick={() => change(moveEmoji(list, index, index - 1))}
                className={SMALL_BUTTON}
              >
                ←
              </button>
              <button
                type="button"
                aria-label={i18n.t('quickSet.moveRight', [emoji])}
                aria-disabled={index === list.length - 1 || undefined}
                onClick={() => change(moveEmoji(list, index, index + 1))}
                className={SMALL_BUTTON}
              >
                →
              </button>
              <button
                type="button"
                ref={(button) => {
                  if (button) removeButtons.current.set(emoji, button);
                  else removeButtons.current.delete(emoji);
                }}
                aria-label={i18n.t('quickSet.remove', [emoji])}
                aria-disabled={list.length <= 1 || undefined}
                onClick={() => remove(index)}
                className={SMALL_BUTTON}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <div ref={pickerAreaRef} className="relative">
          <button
            ref={addButtonRef}
            type="button"
            aria-expanded={pickerOpen}
            aria-haspopup="dialog"
            aria-disabled={full || quickSet.isPending || undefined}
            onClick={() => {
              if (full) setNotice(i18n.t('quickSet.full', [String(MAX_QUICK_SET)]));
              else if (!quickSet.isPending) setPickerOpen((open) => !open);
            }}
            className="rounded bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-dark focus-visible:outline-2 focus-visible:outline-offset-2 aria-disabled:opacity-50"
          >
            {i18n.t('quickSet.add')}
          </button>
          {pickerOpen && (
            <div
              role="dialog"
              aria-label={i18n.t('quickSet.pickerLabel')}
              className="absolute top-full left-0 z-10 mt-2"
            >
              <EmojiPicker onPick={pick} onClose={closePicker} autoFocus />
            </div>
          )}
        </div>
        <button
          type="button"
          onClick={() => {
            setNotice('');
            save.mutate('reset');
          }}
          className="rounded border border-gray-300 px-3 py-1.5 text-sm dark:border-gray-600"
        >
          {i18n.t('quickSet.reset')}
        </button>
        <output className="text-sm">{status}</output>
      </div>
      {quickSet.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {i18n.t('quickSet.loadFailed', [quickSet.error.message])}
        </p>
      )}
    </section>
  );
}
