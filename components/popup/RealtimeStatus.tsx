import { i18n } from '#i18n';
import type { RealtimeState } from '@/lib/accounts/types';
import { realtimeText, realtimeTone } from './format';
import { interpolate, SLOT } from './interpolate';
import { TONE_DOT, TONE_TEXT } from './ui';
import { useNow } from './useNow';

/** "Live updates: connected", or a countdown to the next attempt while reconnecting. */
export function RealtimeStatus({ realtime }: { realtime: RealtimeState }) {
  const counting = realtime.state === 'reconnecting';
  const now = useNow(counting ? 1000 : null);
  const tone = realtimeTone(realtime);
  return (
    <p className="flex items-center gap-1.5 text-xs">
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${TONE_DOT[tone]}`} />
      <span>
        {interpolate(i18n.t('realtimeStatus.line', [SLOT[0]]), [
          <span key="state" className={TONE_TEXT[tone]}>
            {realtimeText(realtime, now)}
          </span>,
        ])}
      </span>
    </p>
  );
}
