import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { refetchAccounts } from './queries';
import { alertText, dangerButton, errorMessage, secondaryButton } from './ui';

interface RemoveKeyProps {
  keyId: string;
  label: string;
  onRemoved?: () => void;
}

/** "Remove", then an inline confirmation: the key and its accounts are forgotten. */
export function RemoveKey({ keyId, label, onRemoved }: RemoveKeyProps) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      removeButton.current?.focus();
    }
  }, [confirming]);

  const remove = useMutation({
    mutationFn: () => backgroundMessenger.sendMessage('removeKey', { keyId }),
    onSuccess: async () => {
      // Removing the default key hands the default to another account: dropping the key from
      // the cache first would ask the user to choose one until the refetch said who took over.
      await refetchAccounts(queryClient);
      onRemoved?.();
    },
  });

  function cancel() {
    returnFocus.current = true;
    setConfirming(false);
    remove.reset();
  }

  if (!confirming) {
    return (
      <button
        ref={removeButton}
        type="button"
        onClick={() => setConfirming(true)}
        className={secondaryButton}
      >
        {i18n.t('removeKey.remove')}
        <span className="sr-only"> {label || i18n.t('removeKey.thisKey')}</span>
      </button>
    );
  }

  return (
    <div className="basis-full space-y-2 rounded border border-red-300 bg-red-50 p-2 dark:border-red-800 dark:bg-red-950">
      <p className="text-xs">{i18n.t('removeKey.confirm')}</p>
      <div className="flex gap-2">
        <button
          type="button"
          aria-disabled={remove.isPending || undefined}
          onClick={() => {
            if (!remove.isPending) remove.mutate();
          }}
          className={dangerButton}
        >
          {remove.isPending ? i18n.t('removeKey.removing') : i18n.t('removeKey.removeKey')}
        </button>
        <button ref={keepButton} type="button" onClick={cancel} className={secondaryButton}>
          {i18n.t('removeKey.keep')}
        </button>
      </div>
      {remove.isError ? (
        <p role="alert" className={alertText}>
          {errorMessage(remove.error)}
        </p>
      ) : null}
    </div>
  );
}
