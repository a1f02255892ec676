import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { LinkedInConnectionSummary } from '@/lib/messaging/linkedin';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { LinkedInActors } from './LinkedInActors';
import { expiryWords, scopeWords, viaWords } from './linkedin-format';
import { refetchLinkedIn, useLinkedInActors } from './queries';
import { alertText, dangerButton, errorMessage, mutedText, secondaryButton, TONE_TEXT } from './ui';
import { useNow } from './useNow';

interface LinkedInConnectionProps {
  connection: LinkedInConnectionSummary;
  /** Whether the connect forms are open to reconnect. */
  reconnecting: boolean;
  onReconnect(): void;
  /** The id of the connect forms, which the Reconnect button opens. */
  formsId: string;
  onDisconnected?: () => void;
}

/**
 * Who is connected (the name read live from LinkedIn), how, until when, with which permissions,
 * and as whom reactions act; reconnect and disconnect.
 */
export function LinkedInConnection({
  connection,
  reconnecting,
  onReconnect,
  formsId,
  onDisconnected,
}: LinkedInConnectionProps) {
  const headingId = useId();
  // Days change slowly; once a minute keeps "ends in" right in a popup left open. It is at
  // least when the background last checked the token (a popup opened before that).
  const now = Math.max(useNow(60_000), connection.checkedAt);
  const actors = useLinkedInActors(connection.id);
  const name = actors.data?.member.name;
  const expiry = expiryWords(connection, now);
  const refused = connection.status === 'refused';

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded border border-gray-200 p-3 dark:border-gray-800"
    >
      <h3 id={headingId} className="text-sm font-semibold">
        {name
          ? i18n.t('linkedinConnection.connectedAs', [name])
          : actors.isPending
            ? i18n.t('linkedinConnection.connected')
            : i18n.t('linkedinConnection.connectedMember')}
      </h3>
      {refused ? (
        <p role="alert" className={`${alertText} font-medium`}>
          {connection.error ?? i18n.t('linkedinConnection.refused')}
        </p>
      ) : expiry.warn ? (
        <p role="status" className={`text-xs font-medium ${TONE_TEXT[expiry.tone]}`}>
          {expiry.text}.
        </p>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-gray-600 dark:text-gray-400">{i18n.t('linkedinConnection.status')}</dt>
        <dd className={`font-medium ${TONE_TEXT[refused ? 'bad' : 'good']}`}>
          {refused
            ? i18n.t('linkedinConnection.refusedByLinkedIn')
            : i18n.t('linkedinConnection.connected')}
        </dd>
        <dt className="text-gray-600 dark:text-gray-400">{i18n.t('linkedinConnection.member')}</dt>
        <dd className="truncate font-mono">{connection.member}</dd>
        <dt className="text-gray-600 dark:text-gray-400">{i18n.t('linkedinConnection.how')}</dt>
        <dd>
          {viaWords(connection.via)} <span className="font-mono">{connection.maskedToken}</span>
        </dd>
        <dt className="text-gray-600 dark:text-gray-400">{i18n.t('linkedinConnection.ends')}</dt>
        <dd className={expiry.warn ? TONE_TEXT[expiry.tone] : undefined}>{expiry.when}</dd>
        <dt className="text-gray-600 dark:text-gray-400">
          {i18n.t('linkedinConnection.permissions')}
        </dt>
        <dd>
          {connection.scopes ? (
            <ul>
              {connection.scopes.map((scope) => (
                <li key={scope}>{scopeWords(scope)}</li>
              ))}
            </ul>
          ) : (
            <span className={mutedText}>{i18n.t('linkedinConnection.scopesNotKnown')}</span>
          )}
        </dd>
      </dl>
      <LinkedInActors connection={connection} />
      <div className="flex flex-wrap gap-2 pt-1">
        <button
          type="button"
          aria-expanded={reconnecting}
          aria-controls={formsId}
          onClick={onReconnect}
          className={secondaryButton}
        >
          {i18n.t('linkedinConnection.reconnect')}
        </button>
        <Disconnect onDisconnected={onDisconnected} />
      </div>
    </section>
  );
}

/** "Disconnect", then an inline confirmation: the token is forgotten. */
function Disconnect({ onDisconnected }: { onDisconnected?: () => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      disconnectButton.current?.focus();
    }
  }, [confirming]);

  const disconnect = useMutation({
    mutationFn: () => backgroundMessenger.sendMessage('disconnectLinkedIn', undefined),
    onSuccess: async () => {
      await refetchLinkedIn(queryClient);
      onDisconnected?.();
    },
  });

  function cancel() {
    returnFocus.current = true;
    setConfirming(false);
    disconnect.reset();
  }

  if (!confirming) {
    return (
      <button
        ref={disconnectButton}
        type="button"
        onClick={() => setConfirming(true)}
        className={secondaryButton}
      >
        {i18n.t('linkedinConnection.disconnect')}
        <span className="sr-only"> {i18n.t('linkedinConnection.disconnectWhat')}</span>
      </button>
    );
  }

  return (
    <div className="basis-full space-y-2 rounded border border-red-300 bg-red-50 p-2 dark:border-red-800 dark:bg-red-950">
      <p className="text-xs">{i18n.t('linkedinConnection.confirm')}</p>
      <div className="flex gap-2">
        <button
          type="button"
          aria-disabled={disconnect.isPending || undefined}
          onClick={() => {
            if (!disconnect.isPending) disconnect.mutate();
          }}
          className={dangerButton}
        >
          {disconnect.isPending
            ? i18n.t('linkedinConnection.disconnecting')
            : i18n.t('linkedinConnection.disconnectLinkedIn')}
        </button>
        <button ref={keepButton} type="button" onClick={cancel} className={secondaryButton}>
          {i18n.t('linkedinConnection.stay')}
        </button>
      </div>
      {disconnect.isError ? (
        <p role="alert" className={alertText}>
          {errorMessage(disconnect.error)}
        </p>
      ) : null}
    </div>
  );
}
