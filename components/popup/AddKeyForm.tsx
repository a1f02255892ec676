import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type Ref, useId, useState } from 'react';
import { i18n } from '#i18n';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { refetchAccounts } from './queries';
import {
  alertText,
  errorMessage,
  mutedText,
  primaryButton,
  secondaryButton,
  textInput,
} from './ui';

interface AddKeyFormProps {
  /** The key input, so the Accounts tab can focus it. */
  keyInputRef?: Ref<HTMLInputElement>;
  onAdded?: (label: string) => void;
}

/** "Add a ConnectSafely API key": checked by the background before it is stored. */
export function AddKeyForm({ keyInputRef, onAdded }: AddKeyFormProps) {
  const queryClient = useQueryClient();
  const id = useId();
  const [apiKey, setApiKey] = useState('');
  const [label, setLabel] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (data: { apiKey: string; label?: string }) =>
      backgroundMessenger.sendMessage('addKey', data),
    onSuccess: async (key) => {
      // The answer is the key alone, but adding it may also have chosen the default account:
      // listing the key from the answer would show its radio unchecked until the refetch.
      // So the key appears with the refetch, in one step; "Checking…" stays until then.
      await refetchAccounts(queryClient);
      setApiKey('');
      setLabel('');
      setRevealed(false);
      setProblem(null);
      onAdded?.(key.label);
    },
    onError: (error) => setProblem(errorMessage(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    const key = apiKey.trim();
    if (!key) {
      setProblem(i18n.t('addKey.pasteFirst'));
      return;
    }
    setProblem(null);
    const name = label.trim();
    add.mutate(name ? { apiKey: key, label: name } : { apiKey: key });
  }

  const titleId = `${id}-title`;
  const alertId = `${id}-alert`;
  return (
    <form
      onSubmit={submit}
      aria-labelledby={titleId}
      noValidate
      className="space-y-2 rounded border border-gray-200 p-3 dark:border-gray-800"
    >
      <h2 id={titleId} className="text-sm font-semibold">
        {i18n.t('addKey.title')}
      </h2>
      <div className="space-y-1">
        <label htmlFor={`${id}-key`} className="block text-xs font-medium">
          {i18n.t('addKey.keyLabel')}
        </label>
        <div className="flex gap-2">
          <input
            ref={keyInputRef}
            id={`${id}-key`}
            name="apiKey"
            type={revealed ? 'text' : 'password'}
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? alertId : undefined}
            className={`${textInput} font-mono`}
            data-1p-ignore
            data-lpignore="true"
          />
          <button
            type="button"
            aria-controls={`${id}-key`}
            onClick={() => setRevealed(!revealed)}
            className={secondaryButton}
          >
            {revealed ? i18n.t('accountsShared.hide') : i18n.t('accountsShared.show')}
          </button>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-label`} className="block text-xs font-medium">
          {i18n.t('addKey.nameLabel')}{' '}
          <span className={mutedText}>{i18n.t('accountsShared.optional')}</span>
        </label>
        <input
          id={`${id}-label`}
          name="label"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          placeholder={i18n.t('addKey.namePlaceholder')}
          autoComplete="off"
          className={textInput}
        />
      </div>
      <div className="flex items-start gap-3">
        <button type="submit" aria-disabled={add.isPending || undefined} className={primaryButton}>
          {add.isPending ? i18n.t('accountsShared.checking') : i18n.t('addKey.add')}
        </button>
        {problem ? (
          <p id={alertId} role="alert" className={`${alertText} pt-1`}>
            {problem}
          </p>
        ) : null}
      </div>
    </form>
  );
}
