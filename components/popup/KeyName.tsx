import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { AccountsOverview, KeySummary } from '@/lib/accounts/types';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { upsertKey } from './overview';
import { ACCOUNTS_KEY } from './queries';
import { alertText, errorMessage, primaryButton, secondaryButton, textInput } from './ui';

/** The key's name as the card's heading, renamed in place: "Rename" → input + "Save". */
export function KeyName({
  keyId,
  label,
  headingId,
}: {
  keyId: string;
  label: string;
  headingId: string;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const editing = draft !== null;
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) input.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      renameButton.current?.focus();
    }
  }, [editing]);

  const rename = useMutation({
    mutationFn: (data: { keyId: string; label: string }) =>
      backgroundMessenger.sendMessage('renameKey', data),
    onSuccess: (key: KeySummary) => {
      queryClient.setQueryData<AccountsOverview>(ACCOUNTS_KEY, (old) => upsertKey(old, key));
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
      close();
    },
    onError: (error) => setProblem(errorMessage(error)),
  });

  function close() {
    returnFocus.current = true;
    setDraft(null);
    setProblem(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rename.isPending || draft === null) return;
    const name = draft.trim();
    if (!name) {
      setProblem(i18n.t('keyName.enterName'));
      return;
    }
    if (name === label) {
      close();
      return;
    }
    setProblem(null);
    rename.mutate({ keyId, label: name });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  if (!editing) {
    return (
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="truncate text-sm font-semibold">
          {label || i18n.t('accountsShared.unnamedKey')}
        </h3>
        <button
          ref={renameButton}
          type="button"
          onClick={() => setDraft(label)}
          className={secondaryButton}
        >
          {i18n.t('keyName.rename')}
          <span className="sr-only"> {label || i18n.t('accountsShared.thisKey')}</span>
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="space-y-1">
      <h3 id={headingId} className="sr-only">
        {label || i18n.t('accountsShared.unnamedKey')}
      </h3>
      <label htmlFor={`${id}-name`} className="block text-xs font-medium">
        {i18n.t('keyName.name')}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={`${id}-name`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-alert` : undefined}
          className={textInput}
        />
        <button
          type="submit"
          aria-disabled={rename.isPending || undefined}
          className={primaryButton}
        >
          {rename.isPending ? i18n.t('keyName.saving') : i18n.t('keyName.save')}
        </button>
        <button type="button" onClick={close} className={secondaryButton}>
          {i18n.t('keyName.cancel')}
        </button>
      </div>
      {problem ? (
        <p id={`${id}-alert`} role="alert" className={alertText}>
          {problem}
        </p>
      ) : null}
    </form>
  );
}
