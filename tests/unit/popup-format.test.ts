import { describe, expect, it } from 'vitest';
import { actorLabel, describeLine, openUrl, outcomeWords } from '@/components/history/format';
import {
  accountStatusText,
  formatBudget,
  formatClock,
  formatDuration,
  formatWhen,
  keyStatusText,
  pickInitialTab,
  realtimeText,
  realtimeTone,
  safeLink,
} from '@/components/popup/format';
import { reactionName, reactionSymbol } from '@/lib/history/words';

// Local wall-clock times, so the expectations hold in any time zone.
const at = (hours: number, minutes = 0, day = 10, month = 2, year = 2026) =>
  new Date(year, month, day, hours, minutes).getTime();

describe('pickInitialTab', () => {
  it('opens Accounts when the page asked for it', () => {
    expect(pickInitialTab('#accounts', 3)).toBe('accounts');
  });
  it('opens Accounts while no key is stored', () => {
    expect(pickInitialTab('', 0)).toBe('accounts');
  });
  it('opens History otherwise, including when the keys could not be loaded', () => {
    expect(pickInitialTab('', 1)).toBe('history');
    expect(pickInitialTab('#history', 2)).toBe('history');
    expect(pickInitialTab('', undefined)).toBe('history');
  });
});

describe('formatClock', () => {
  it('pads hours and minutes, 24-hour', () => {
    expect(formatClock(at(14))).toBe('14:00');
    expect(formatClock(at(9, 5))).toBe('09:05');
  });
});

describe('formatBudget', () => {
  const now = at(13, 20);
  it('says what is left and when it resets', () => {
    expect(formatBudget({ limit: 1000, remaining: 812, resetAt: at(14) }, now)).toBe(
      '812 of 1,000 requests left this hour, resets at 14:00',
    );
  });
  it('groups thousands in both numbers', () => {
    expect(formatBudget({ limit: 10000, remaining: 9999, resetAt: at(14, 30) }, now)).toBe(
      '9,999 of 10,000 requests left this hour, resets at 14:30',
    );
  });
  it('says reactions wait when nothing is left, and never goes below zero', () => {
    expect(formatBudget({ limit: 1000, remaining: -3, resetAt: at(14) }, now)).toBe(
      'All 1,000 requests used this hour: reactions wait until 14:00',
    );
  });
  it('does not claim a stale count once the reset time has passed', () => {
    expect(formatBudget({ limit: 1000, remaining: 0, resetAt: at(13) }, now)).toBe(
      '1,000 requests an hour (the count was reset at 13:00)',
    );
  });
  it('never shows more left than the limit', () => {
    expect(formatBudget({ limit: 1000, remaining: 5000, resetAt: at(14) }, now)).toBe(
      '1,000 of 1,000 requests left this hour, resets at 14:00',
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-500, '0 s'],
    [1, '1 s'],
    [12_000, '12 s'],
    [11_200, '12 s'],
    [59_001, '1 min'],
    [125_000, '2 min 5 s'],
    [3_600_000, '1 h'],
    [3_840_000, '1 h 4 min'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('realtimeText', () => {
  const now = 1_000_000;
  it.each([
    [{ state: 'connected', since: now - 5000 } as const, 'connected'],
    [{ state: 'unauthorized' } as const, 'key refused'],
    [{ state: 'offline' } as const, 'offline'],
    [{ state: 'connecting' } as const, 'connecting…'],
    [{ state: 'idle' } as const, 'idle'],
  ])('%o reads "%s"', (state, text) => {
    expect(realtimeText(state, now)).toBe(text);
  });
  it('counts down to the next attempt', () => {
    expect(realtimeText({ state: 'reconnecting', retryAt: now + 12_000 }, now)).toBe(
      'reconnecting in 12 s',
    );
    expect(realtimeText({ state: 'reconnecting', retryAt: now + 11_001 }, now + 1000)).toBe(
      'reconnecting in 11 s',
    );
  });
  it('does not count below zero when the attempt is due', () => {
    expect(realtimeText({ state: 'reconnecting', retryAt: now }, now + 2000)).toBe('reconnecting…');
  });
});

describe('realtimeTone', () => {
  it('is good when connected and bad when the key is refused', () => {
    expect(realtimeTone({ state: 'connected', since: 0 })).toBe('good');
    expect(realtimeTone({ state: 'unauthorized' })).toBe('bad');
    expect(realtimeTone({ state: 'reconnecting', retryAt: 0 })).toBe('warn');
    expect(realtimeTone({ state: 'idle' })).toBe('neutral');
  });
});

describe('status words', () => {
  it('names key states', () => {
    expect(keyStatusText('valid')).toBe('Valid');
    expect(keyStatusText('invalid')).toBe('Refused');
    expect(keyStatusText('unchecked')).toBe('Not checked yet');
  });
  it('turns service codes into words', () => {
    expect(accountStatusText('ACTIVE')).toBe('Active');
    expect(accountStatusText('needs_reauth')).toBe('Needs reauth');
    expect(accountStatusText('  ')).toBe('Unknown');
  });
});

describe('formatWhen', () => {
  const now = at(15, 30);
  it.each([
    [now - 10_000, 'just now'],
    [now + 5_000, 'just now'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 59 * 60_000, '59 min ago'],
    [at(9, 5), '09:05'],
    [at(23, 50, 9), 'yesterday 23:50'],
    [at(8, 0, 5), 'Thu 08:00'],
    [at(12, 0, 1, 0), 'Jan 1'],
    [at(12, 0, 24, 11, 2025), 'Dec 24, 2025'],
  ])('%i is "%s"', (time, text) => {
    expect(formatWhen(time, now)).toBe(text);
  });
  it('says yesterday across midnight even when under a day ago', () => {
    expect(formatWhen(at(23, 0, 9), at(1, 30))).toBe('yesterday 23:00');
  });
});

describe('history lines', () => {
  it('shows the emoji of a message reaction', () => {
    const entry = { kind: 'message', value: '🎉', react: true, outcome: 'applied' } as const;
    expect(reactionSymbol(entry)).toBe('🎉');
    expect(describeLine(entry)).toBe('Reacted 🎉 on a message');
  });
  it("uses LinkedIn's names for post and comment reactions", () => {
    expect(reactionName({ kind: 'post', value: 'PRAISE' })).toBe('Celebrate');
    expect(reactionSymbol({ kind: 'post', value: 'PRAISE' })).toBe('👏');
    expect(describeLine({ kind: 'comment', value: 'LIKE', react: false, outcome: 'applied' })).toBe(
      'Removed Like from a comment',
    );
    expect(describeLine({ kind: 'post', value: 'EMPATHY', react: true, outcome: 'pending' })).toBe(
      'Reacting Love on a post',
    );
  });
  it('still shows an unknown reaction type in words', () => {
    expect(reactionName({ kind: 'post', value: 'MAYBE' })).toBe('Maybe');
    expect(reactionSymbol({ kind: 'post', value: 'MAYBE' })).toBe('•');
  });
  it('says how it went, with the error of a failure', () => {
    expect(outcomeWords({ outcome: 'applied', react: true })).toBe('Applied');
    expect(outcomeWords({ outcome: 'applied', react: false })).toBe('Removed');
    expect(outcomeWords({ outcome: 'failed', react: true, error: 'The key was refused.' })).toBe(
      'Failed: The key was refused.',
    );
    expect(outcomeWords({ outcome: 'failed', react: true })).toBe('Failed');
    expect(outcomeWords({ outcome: 'pending', react: true })).toBe('Pending');
  });
  it('says as whom without a name', () => {
    expect(actorLabel('urn:li:organization:2414183')).toBe('LinkedIn page 2414183');
    expect(actorLabel('urn:li:person:Xy12Ab34')).toBe('You on LinkedIn');
    expect(actorLabel('65f1c0ffee0123456789abcd')).toBe('ConnectSafely account …89abcd');
  });
  it('opens a comment on its post, scrolled to it', () => {
    const urn = 'urn:li:comment:(urn:li:activity:1,2)';
    expect(
      openUrl({
        kind: 'comment',
        urn,
        link: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
      }),
    ).toBe(
      `https://www.linkedin.com/feed/update/urn:li:activity:1/?${new URLSearchParams({ commentUrn: urn })}`,
    );
    expect(openUrl({ kind: 'post', urn: 'x', link: 'javascript:alert(1)' })).toBeNull();
  });
});

describe('safeLink', () => {
  it('keeps http and https links', () => {
    expect(safeLink('https://www.linkedin.com/feed/update/urn:li:activity:1/')).toBe(
      'https://www.linkedin.com/feed/update/urn:li:activity:1/',
    );
    expect(safeLink('http://127.0.0.1:3000/messaging/thread/2-abc/')).toBe(
      'http://127.0.0.1:3000/messaging/thread/2-abc/',
    );
  });
  it('drops scripts, data and garbage', () => {
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('data:text/html,hi')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
  });
});
