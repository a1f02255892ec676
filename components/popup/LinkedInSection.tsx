import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { LinkedInConnectForms } from './LinkedInConnectForms';
import { LinkedInConnection } from './LinkedInConnection';
import { useLinkedIn } from './queries';
import { alertText, mutedText, secondaryButton } from './ui';

/**
 * The Accounts tab's LinkedIn part: the connection that reacts to posts and comments (who, how,
 * until when, as whom), or the two ways to connect.
 */
export function LinkedInSection({ announce }: { announce(message: string): void }) {
  const linkedIn = useLinkedIn();
  const headingId = useId();
  const formsId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const connection = linkedIn.data?.connection ?? null;

  // Opening the forms to reconnect puts the keyboard in them.
  useEffect(() => {
    if (reconnecting) firstField.current?.focus();
  }, [reconnecting]);

  const loadProblem = linkedIn.isError ? (
    <div className="space-y-2">
      <p role="alert" className={alertText}>
        {i18n.t('linkedinSection.loadFailed', [linkedIn.error.message])}
      </p>
      <button type="button" onClick={() => void linkedIn.refetch()} className={secondaryButton}>
        {i18n.t('accountsShared.tryAgain')}
      </button>
    </div>
  ) : null;

  // What was loaded stays shown when a refresh fails (a half-filled form keeps its text); the
  // failure is said after it.
  let body: ReactNode;
  if (!linkedIn.data) {
    body = loadProblem ?? <p className={mutedText}>{i18n.t('linkedinSection.loading')}</p>;
  } else {
    const { app, redirectUrl, signIn } = linkedIn.data;
    const forms = (
      <LinkedInConnectForms
        id={formsId}
        app={app}
        redirectUrl={redirectUrl}
        signIn={signIn}
        firstFieldRef={firstField}
        onConnected={(how) => {
          setReconnecting(false);
          announce(
            how === 'sign-in'
              ? i18n.t('linkedinSection.connectedSignIn')
              : i18n.t('linkedinSection.connectedToken'),
          );
          heading.current?.focus();
        }}
      />
    );
    body = connection ? (
      <>
        <LinkedInConnection
          connection={connection}
          reconnecting={reconnecting}
          onReconnect={() => setReconnecting(!reconnecting)}
          formsId={formsId}
          onDisconnected={() => {
            setReconnecting(false);
            announce(i18n.t('linkedinSection.disconnected'));
            heading.current?.focus();
          }}
        />
        {reconnecting || signIn.state !== 'idle' ? forms : null}
      </>
    ) : (
      <>
        <p className="text-sm">{i18n.t('linkedinSection.intro')}</p>
        {forms}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-sm font-semibold outline-none">
        {i18n.t('linkedinSection.title')}
      </h2>
      {body}
      {linkedIn.data ? loadProblem : null}
    </section>
  );
}
