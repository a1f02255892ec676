import type { RateLimitBudget } from '@/lib/accounts/types';
import { formatBudget } from './format';
import { mutedText } from './ui';
import { useNow } from './useNow';

/** The requests left this hour, once a response has told us. */
export function BudgetLine({ budget }: { budget: RateLimitBudget }) {
  // Once a minute is enough to notice that the hour has rolled over.
  const now = useNow(60_000);
  return <p className={mutedText}>{formatBudget(budget, now)}</p>;
}
