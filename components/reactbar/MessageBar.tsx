/**
 * The quick-reaction bar of one message: shown on hover or focus, with the user's own
 * reactions kept visible as chips. One toolbar tab stop; arrow keys move between emoji.
 */
import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import { EmojiPicker } from '@/components/emoji/EmojiPicker';
import type { BarActions } from '@/lib/content/actions';
import type { ContentStore, Slot } from '@/lib/content/frame-store';
import { EMPTY_VIEW } from '@/lib/content/frame-store';
import { NoticeBubble } from './NoticeBubble';

interface MessageBarProps {
  slot: Slot;
  store: ContentStore;
  actions: BarActions;
}

export function MessageBar({ slot, store, actions }: MessageBarProps) {
  const { urn } = slot.target;
  const view = useStore(store, (state) => state.views[urn]) ?? EMPTY_VIEW;
  const notice = useStore(store, (state) => state.notices[urn]);
  const ready = useStore(store, (state) => state.ready.connectsafely);
  const quickSet = useStore(store, (state) => state.quickSet);
  const pickerOpen = useStore(store, (state) => state.pickerFor === slot.id);
  const [chosenIndex, setFocusIndex] = useState(0);
  const toolbar = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);

  // The quick set, then any of the user's reactions that are not in it.
  const emojis = [...quickSet, ...view.active.filter((emoji) => !quickSet.includes(emoji))];
  const buttonCount = emojis.length + 1;
  // The bar keeps exactly one tab stop even when it loses buttons.
  const focusIndex = Math.min(chosenIndex, buttonCount - 1);

  function closePicker() {
    actions.closePicker();
    moreButton.current?.focus();
  }

  function onToolbarKey(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      Home: 0,
      End: buttonCount - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + buttonCount) % buttonCount;
    setFocusIndex(index);
    toolbar.current?.querySelectorAll<HTMLButtonElement>('button')[index]?.focus();
  }

  return (
    <div className="rb-anchor" data-open={pickerOpen || undefined}>
      {view.active.length > 0 && (
        <div className="rb-chips" aria-hidden="true">
          {view.active.map((emoji) => (
            <span key={emoji}>{emoji}</span>
          ))}
        </div>
      )}
      {ready === false ? (
        <div className="rb-bar rb-setup">
          <SentenceWithButton
            sentence={i18n.t('bar.setup', [BUTTON_MARK])}
            button={
              <button
                type="button"
                className="rb-link"
                onClick={(event) => actions.openAccounts(event.nativeEvent)}
              >
                {i18n.t('bar.setupButton')}
              </button>
            }
          />
        </div>
      ) : (
        <div
          ref={toolbar}
          className="rb-bar"
          role="toolbar"
          aria-label={i18n.t('bar.toolbar')}
          onKeyDown={onToolbarKey}
        >
          {emojis.map((emoji, index) => {
            const active = view.active.includes(emoji);
            return (
              <button
                key={emoji}
                type="button"
                className="rb-emoji"
                tabIndex={index === focusIndex ? 0 : -1}
                aria-pressed={active}
                aria-label={active ? i18n.t('bar.remove', [emoji]) : i18n.t('bar.react', [emoji])}
                data-pending={view.pending.includes(emoji) || undefined}
                onFocus={() => setFocusIndex(index)}
                onClick={(event) => actions.toggle(event.nativeEvent, slot, emoji, !active)}
              >
                {emoji}
              </button>
            );
          })}
          <button
            ref={moreButton}
            type="button"
            className="rb-more"
            tabIndex={focusIndex === emojis.length ? 0 : -1}
            aria-label={i18n.t('bar.more')}
            aria-haspopup="dialog"
            aria-expanded={pickerOpen}
            onFocus={() => setFocusIndex(emojis.length)}
            onClick={(event) =>
              pickerOpen ? actions.closePicker() : actions.openPicker(event.nativeEvent, slot)
            }
          >
            +
          </button>
        </div>
      )}
      {pickerOpen && (
        <PickerPopover
          anchor={toolbar.current}
          onClose={closePicker}
          onPick={(emoji, event) => {
            // A refused (page script's) pick leaves the picker open for the person.
            if (actions.toggle(event, slot, emoji, !view.active.includes(emoji))) closePicker();
          }}
        />
      )}
      {notice && (
        <NoticeBubble
          notice={notice}
          onOpenAccounts={(event) => actions.openAccounts(event)}
          onDismiss={() => actions.dismissNotice(urn)}
        />
      )}
    </div>
  );
}

/** Stands for the button in its sentence: a private-use character no translation contains. */
const BUTTON_MARK = '\uE000';

/**
 * A catalogue sentence with a button in it ("$1 to react from here."), wherever the language
 * puts it: the text before and after the mark, around the button.
 */
function SentenceWithButton({ sentence, button }: { sentence: string; button: ReactNode }) {
  const at = sentence.indexOf(BUTTON_MARK);
  // A sentence that lost its placeholder still offers the button.
  if (at < 0)
    return (
      <>
        {button} {sentence}
      </>
    );
  return (
    <>
      {sentence.slice(0, at)}
      {button}
      {sentence.slice(at + BUTTON_MARK.length)}
    </>
  );
}

const PICKER_WIDTH = 320;
const PICKER_HEIGHT = 380;

/** Fixed to the viewport so LinkedIn's scrolling lists cannot clip it; flips to fit. */
function PickerPopover({
  anchor,
  onPick,
  onClose,
}: {
  anchor: HTMLElement | null;
  onPick(emoji: string, event: Event): void;
  onClose(): void;
}) {
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const rect = anchor?.getBoundingClientRect();
    if (!rect) return;
    const above = rect.top - PICKER_HEIGHT - 4;
    const top =
      above >= 8 ? above : Math.min(rect.bottom + 4, window.innerHeight - PICKER_HEIGHT - 8);
    const left = Math.max(
      8,
      Math.min(rect.right - PICKER_WIDTH, window.innerWidth - PICKER_WIDTH - 8),
    );
    setPosition({ left, top: Math.max(8, top) });
  }, [anchor]);
  return (
    <div
      className="rb-picker-pop"
      role="dialog"
      aria-label={i18n.t('bar.pickerDialog')}
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden' }}
    >
      {/* Its emoji data is fetched from the extension's own files on first open. */}
      <EmojiPicker onPick={onPick} onClose={onClose} autoFocus />
    </div>
  );
}
