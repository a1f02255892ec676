/**
 * LinkedIn's six reactions on a post (a slim row beside its action bar, shown without hovering
 * while the post is near the viewport) or on a comment or reply (on hover or focus, like the
 * message bar, with the member's reaction kept visible as a chip). One reaction per member and
 * target: a click reacts, another type switches, the highlighted one removes. One toolbar tab
 * stop; arrow keys move between reactions.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import type { BarActions } from '@/lib/content/actions';
import { type ContentStore, EMPTY_VIEW, type Slot } from '@/lib/content/frame-store';
import { REACTION_TYPES, type ReactionType } from '@/lib/kinds/registry';
import type { LinkedInRowInfo } from '@/lib/messaging/linkedin';
import { isReactionType, REACTION_EMOJI, reactionTypeName } from '@/lib/reactions/linkedin-names';
import { NoticeBubble } from './NoticeBubble';

/** The words on a reaction's button, given the member's current reaction (if any). */
export function reactionLabel(type: ReactionType, current: string | undefined): string {
  const name = reactionTypeName(type);
  if (current === type) return i18n.t('reactionRow.remove', [name]);
  if (isReactionType(current)) return i18n.t('reactionRow.switchTo', [name]);
  return i18n.t('reactionRow.react', [name]);
}

interface ReactionRowProps {
  slot: Slot;
  store: ContentStore;
  actions: BarActions;
}

export function ReactionRow({ slot, store, actions }: ReactionRowProps) {
  const { kind, urn } = slot.target;
  const view = useStore(store, (state) => state.views[urn]) ?? EMPTY_VIEW;
  const notice = useStore(store, (state) => state.notices[urn]);
  // Without a LinkedIn connection the row stays quiet: dimmed, and a click says where to connect.
  const quiet = useStore(store, (state) => state.ready.linkedin !== true);
  // As whom it reacts, and a quiet warning before the connection ends (no banner on every post).
  const connection = useStore(store, (state) => state.linkedInRow);
  const about = quiet || !connection ? null : connection;
  const describedBy = useId();
  const [chosenIndex, setFocusIndex] = useState<number | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const current = view.active[0];
  const currentIndex = (REACTION_TYPES as readonly string[]).indexOf(current ?? '');
  // One tab stop: the one last focused, else the member's reaction, else Like.
  const focusIndex = chosenIndex ?? Math.max(currentIndex, 0);

  function onToolbarKey(event: KeyboardEvent<HTMLDivElement>) {
    const count = REACTION_TYPES.length;
    const moves: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + count) % count;
    setFocusIndex(index);
    toolbar.current?.querySelectorAll<HTMLButtonElement>('button')[index]?.focus();
  }

  const chip = kind === 'comment' && isReactionType(current) && (
    <div className="rb-chips" aria-hidden="true">
      <span>{REACTION_EMOJI[current]}</span>
    </div>
  );

  return (
    <div className={`rb-anchor rb-${kind}`} data-quiet={quiet ? '' : undefined}>
      {chip}
      <div
        ref={toolbar}
        className="rb-bar rb-reactions"
        role="toolbar"
        aria-label={
          kind === 'comment'
            ? i18n.t('reactionRow.commentToolbar')
            : i18n.t('reactionRow.postToolbar')
        }
        aria-describedby={about ? describedBy : undefined}
        onKeyDown={onToolbarKey}
      >
        {about && (
          <span id={describedBy} className="rb-sr-only">
            {rowDescription(about)}
          </span>
        )}
        {REACTION_TYPES.map((type, index) => {
          const active = current === type;
          const label = reactionLabel(type, current);
          // The tooltip says as whom it reacts, and the warning if any, under the action.
          const title = about ? `${label}\n${rowDescription(about)}` : label;
          return (
            <button
              key={type}
              type="button"
              className="rb-emoji rb-reaction"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-pressed={active}
              aria-label={label}
              title={title}
              data-type={type}
              data-pending={view.pending.includes(type) || undefined}
              onFocus={() => setFocusIndex(index)}
              onClick={(event) => actions.toggle(event.nativeEvent, slot, type, !active)}
            >
              {REACTION_EMOJI[type]}
            </button>
          );
        })}
        {about?.warning && (
          <button
            type="button"
            className="rb-emoji rb-warn"
            aria-label={about.warning}
            title={about.warning}
            onClick={(event) => actions.openAccounts(event.nativeEvent)}
          >
            !
          </button>
        )}
      </div>
      {notice && (
        <NoticeBubble
          notice={notice}
          linkLabel={accountsLinkLabel(notice.code)}
          onOpenAccounts={(event) => actions.openAccounts(event)}
          onDismiss={() => actions.dismissNotice(urn)}
        />
      )}
    </div>
  );
}

/**
 * "Reacts as Northwind Labs.", and the connection's warning if any, as sentences. Whom it reacts
 * as and the warning come worded from the background (lib/background/linkedin-connect.ts).
 */
export function rowDescription(about: LinkedInRowInfo): string {
  return about.warning
    ? i18n.t('reactionRow.reactsAsWarned', [about.reactsAs, about.warning])
    : i18n.t('reactionRow.reactsAs', [about.reactsAs]);
}

/** The way out a LinkedIn notice offers, in Accounts. */
function accountsLinkLabel(code: string): string {
  if (code === 'not-connected') return i18n.t('reactionRow.connect');
  if (code === 'credential-refused') return i18n.t('reactionRow.reconnect');
  return i18n.t('notice.openAccounts');
}
