import { useEffect } from 'react';
import { i18n } from '#i18n';
import type { Notice } from '@/lib/reactions/types';

const AUTO_DISMISS_MS = 12_000;

/** A short message next to the bar: what went wrong, and where to fix it. */
export function NoticeBubble({
  notice,
  linkLabel = i18n.t('notice.openAccounts'),
  onOpenAccounts,
  onDismiss,
}: {
  notice: Notice;
  /** The words of the way out, in Accounts. */
  linkLabel?: string;
  /** Gets the click, so the action can refuse a page script's. */
  onOpenAccounts(event: Event): void;
  onDismiss(): void;
}) {
  // Problems the user must fix stay until dismissed; passing ones fade on their own.
  useEffect(() => {
    if (notice.fixInAccounts) return;
    const timer = setTimeout(onDismiss, AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);

  return (
    <div className="rb-notice" role="status" data-code={notice.code}>
      <span>
        {notice.message}
        {notice.fixInAccounts && (
          <>
            {' '}
            <button
              type="button"
              className="rb-link"
              onClick={(event) => onOpenAccounts(event.nativeEvent)}
            >
              {linkLabel}
            </button>
          </>
        )}
      </span>
      <button
        type="button"
        className="rb-dismiss"
        aria-label={i18n.t('notice.dismiss')}
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}
