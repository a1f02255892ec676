import { useCallback, useEffect, useState } from 'react';
import { type EmojiEntry, loadEmojiData } from '@/lib/emoji/data';

export type EmojiDataState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; entries: EmojiEntry[] };

/**
 * The emoji list for a picker. Plain state rather than react-query: on LinkedIn pages the
 * picker mounts without a QueryClientProvider, and loadEmojiData already shares one request.
 */
export function useEmojiData(): EmojiDataState & { retry: () => void } {
  const [state, setState] = useState<EmojiDataState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let mounted = true;
    if (attempt > 0) setState({ status: 'loading' });
    loadEmojiData().then(
      (entries) => {
        if (mounted) setState({ status: 'ready', entries });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (mounted) setState({ status: 'error', message });
      },
    );
    return () => {
      mounted = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, retry };
}
