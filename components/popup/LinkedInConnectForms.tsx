import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type Ref, useId, useState } from 'react';
import type { z } from 'zod';
import { i18n } from '#i18n';
import type {
  ConnectLinkedInTokenRequest,
  LinkedInAppSummary,
  LinkedInConnectionVia,
  LinkedInSignInState,
  SignInWithLinkedInRequest,
} from '@/lib/messaging/linkedin';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { REQUEST_RULES } from '@/lib/messaging/rules';
import { interpolate, SLOT } from './interpolate';
import { refetchLinkedIn } from './queries';
import {
  alertText,
  errorMessage,
  mutedText,
  primaryButton,
  secondaryButton,
  TONE_TEXT,
  textInput,
} from './ui';

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? i18n.t('linkedinConnect.checkEntries');
}

interface LinkedInConnectFormsProps {
  id: string;
  app: LinkedInAppSummary | null;
  redirectUrl: string;
  signIn: LinkedInSignInState;
  /** The first field, so the section can focus it. */
  firstFieldRef?: Ref<HTMLInputElement>;
  /** How it was connected: signed in, or a pasted token. */
  onConnected(how: LinkedInConnectionVia): void;
}

/** The two ways to connect LinkedIn: sign in with the member's own app, or paste a token. */
export function LinkedInConnectForms({
  id,
  app,
  redirectUrl,
  signIn,
  firstFieldRef,
  onConnected,
}: LinkedInConnectFormsProps) {
  return (
    <div id={id} className="space-y-3">
      <SignInForm
        app={app}
        redirectUrl={redirectUrl}
        signIn={signIn}
        firstFieldRef={firstFieldRef}
        onConnected={() => onConnected('sign-in')}
      />
      <TokenForm onConnected={() => onConnected('token')} />
    </div>
  );
}

function SignInForm({
  app,
  redirectUrl,
  signIn,
  firstFieldRef,
  onConnected,
}: Omit<LinkedInConnectFormsProps, 'id' | 'onConnected'> & { onConnected(): void }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [asPages, setAsPages] = useState(false);
  const [changingApp, setChangingApp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const enterApp = !app || changingApp;

  const start = useMutation({
    mutationFn: (data: SignInWithLinkedInRequest) =>
      backgroundMessenger.sendMessage('signInWithLinkedIn', data),
    onSuccess: async () => {
      await refetchLinkedIn(queryClient);
      setClientId('');
      setClientSecret('');
      setRevealed(false);
      setChangingApp(false);
      setProblem(null);
      onConnected();
    },
    onError: async (error) => {
      setProblem(errorMessage(error));
      await refetchLinkedIn(queryClient);
    },
  });

  const forget = useMutation({
    mutationFn: () => backgroundMessenger.sendMessage('forgetLinkedInApp', undefined),
    onSuccess: () => refetchLinkedIn(queryClient),
  });

  // The background runs the sign-in, which outlives a popup that closed meanwhile: its outcome
  // shows when the popup opens again.
  const waiting = start.isPending || signIn.state === 'waiting';
  const shown = problem ?? (signIn.state === 'failed' && !start.isPending ? signIn.message : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (waiting) return;
    const request = enterApp
      ? { asPages, app: { clientId: clientId.trim(), clientSecret: clientSecret.trim() } }
      : { asPages };
    if (enterApp && (!request.app?.clientId || !request.app.clientSecret)) {
      setProblem(i18n.t('linkedinConnect.enterApp'));
      return;
    }
    const parsed = REQUEST_RULES.signInWithLinkedIn.schema.safeParse(request);
    if (!parsed.success) {
      setProblem(firstIssue(parsed.error));
      return;
    }
    setProblem(null);
    start.mutate(parsed.data);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(redirectUrl);
      setCopied(true);
    } catch {
      setCopied(false);
    }
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
      <h3 id={titleId} className="text-sm font-semibold">
        {i18n.t('linkedinConnect.signInTitle')}
      </h3>
      <p className={mutedText}>{i18n.t('linkedinConnect.signInIntro')}</p>
      <div className="space-y-1">
        <label htmlFor={`${id}-redirect`} className="block text-xs font-medium">
          {i18n.t('linkedinConnect.redirectLabel')}
        </label>
        <div className="flex gap-2">
          <input
            id={`${id}-redirect`}
            readOnly
            value={redirectUrl}
            onFocus={(event) => event.target.select()}
            className={`${textInput} font-mono text-xs`}
          />
          <button type="button" onClick={() => void copy()} className={secondaryButton}>
            {i18n.t('linkedinConnect.copy')}
            <span className="sr-only"> {i18n.t('linkedinConnect.copyWhat')}</span>
          </button>
        </div>
        <p role="status" className="sr-only">
          {copied ? i18n.t('linkedinConnect.copied') : ''}
        </p>
      </div>
      {enterApp ? (
        <>
          <div className="space-y-1">
            <label htmlFor={`${id}-client`} className="block text-xs font-medium">
              {i18n.t('linkedinConnect.clientId')}
            </label>
            <input
              ref={firstFieldRef}
              id={`${id}-client`}
              value={clientId}
              onChange={(event) => setClientId(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              className={`${textInput} font-mono`}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-secret`} className="block text-xs font-medium">
              {i18n.t('linkedinConnect.clientSecret')}
            </label>
            <div className="flex gap-2">
              <input
                id={`${id}-secret`}
                type={revealed ? 'text' : 'password'}
                value={clientSecret}
                onChange={(event) => setClientSecret(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={`${id}-secret-hint`}
                className={`${textInput} font-mono`}
                data-1p-ignore
                data-lpignore="true"
              />
              <button
                type="button"
                aria-controls={`${id}-secret`}
                onClick={() => setRevealed(!revealed)}
                className={secondaryButton}
              >
                {revealed ? i18n.t('accountsShared.hide') : i18n.t('accountsShared.show')}
              </button>
            </div>
            <p id={`${id}-secret-hint`} className={mutedText}>
              {i18n.t('linkedinConnect.secretHint')}
            </p>
          </div>
          {app ? (
            <button type="button" onClick={() => setChangingApp(false)} className={secondaryButton}>
              {i18n.t('linkedinConnect.keepApp')}
            </button>
          ) : null}
        </>
      ) : app ? (
        <div className="space-y-1 text-xs">
          <p>
            {interpolate(i18n.t('linkedinConnect.app', [SLOT[0], SLOT[1]]), [
              <span key="client" className="font-mono">
                {app.clientId}
              </span>,
              <span key="secret" className="font-mono">
                {app.maskedSecret}
              </span>,
            ])}
            {app.status === 'valid' ? (
              <span className={TONE_TEXT.good}> · {i18n.t('linkedinConnect.accepted')}</span>
            ) : null}
          </p>
          {app.status === 'refused' && app.error ? (
            <p className={TONE_TEXT.bad}>{app.error}</p>
          ) : null}
          <div className="flex gap-2">
            <button type="button" onClick={() => setChangingApp(true)} className={secondaryButton}>
              {i18n.t('linkedinConnect.changeApp')}
            </button>
            <button
              type="button"
              aria-disabled={forget.isPending || undefined}
              onClick={() => {
                if (!forget.isPending) forget.mutate();
              }}
              className={secondaryButton}
            >
              {i18n.t('linkedinConnect.forgetApp')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="flex items-start gap-2">
        <input
          id={`${id}-pages`}
          type="checkbox"
          checked={asPages}
          onChange={(event) => setAsPages(event.target.checked)}
          aria-describedby={`${id}-pages-hint`}
          className="mt-0.5 accent-brand"
        />
        <div>
          <label htmlFor={`${id}-pages`} className="text-xs font-medium">
            {i18n.t('linkedinConnect.asPages')}
          </label>
          <p id={`${id}-pages-hint`} className={mutedText}>
            {i18n.t('linkedinConnect.asPagesHint')}
          </p>
        </div>
      </div>
      <div className="flex items-start gap-3">
        <button type="submit" aria-disabled={waiting || undefined} className={primaryButton}>
          {waiting ? i18n.t('linkedinConnect.waiting') : i18n.t('linkedinConnect.signIn')}
        </button>
        {shown ? (
          <p id={alertId} role="alert" className={`${alertText} pt-1`}>
            {shown}
          </p>
        ) : null}
      </div>
      {waiting ? (
        <p role="status" className={mutedText}>
          {i18n.t('linkedinConnect.finishInWindow')}
        </p>
      ) : null}
      {forget.isError ? (
        <p role="alert" className={alertText}>
          {errorMessage(forget.error)}
        </p>
      ) : null}
    </form>
  );
}

function TokenForm({ onConnected }: { onConnected(): void }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [token, setToken] = useState('');
  const [daysLeft, setDaysLeft] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const connect = useMutation({
    mutationFn: (data: ConnectLinkedInTokenRequest) =>
      backgroundMessenger.sendMessage('connectLinkedInToken', data),
    onSuccess: async () => {
      await refetchLinkedIn(queryClient);
      setToken('');
      setDaysLeft('');
      setRevealed(false);
      setProblem(null);
      onConnected();
    },
    onError: (error) => setProblem(errorMessage(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (connect.isPending) return;
    const accessToken = token.trim();
    if (!accessToken) {
      setProblem(i18n.t('linkedinConnect.pasteToken'));
      return;
    }
    const days = daysLeft.trim();
    if (days && !/^\d+$/.test(days)) {
      setProblem(i18n.t('linkedinConnect.daysInvalid'));
      return;
    }
    const request = days ? { accessToken, daysLeft: Number(days) } : { accessToken };
    const parsed = REQUEST_RULES.connectLinkedInToken.schema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(
        issue?.path[0] === 'daysLeft'
          ? i18n.t('linkedinConnect.daysInvalid')
          : firstIssue(parsed.error),
      );
      return;
    }
    setProblem(null);
    connect.mutate(parsed.data);
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
      <h3 id={titleId} className="text-sm font-semibold">
        {i18n.t('linkedinConnect.tokenTitle')}
      </h3>
      <p className={mutedText}>{i18n.t('linkedinConnect.tokenIntro')}</p>
      <div className="space-y-1">
        <label htmlFor={`${id}-token`} className="block text-xs font-medium">
          {i18n.t('linkedinConnect.tokenLabel')}
        </label>
        <div className="flex gap-2">
          <input
            id={`${id}-token`}
            type={revealed ? 'text' : 'password'}
            value={token}
            onChange={(event) => setToken(event.target.value)}
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
            aria-controls={`${id}-token`}
            onClick={() => setRevealed(!revealed)}
            className={secondaryButton}
          >
            {revealed ? i18n.t('accountsShared.hide') : i18n.t('accountsShared.show')}
          </button>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-days`} className="block text-xs font-medium">
          {i18n.t('linkedinConnect.daysLabel')}{' '}
          <span className={mutedText}>{i18n.t('accountsShared.optional')}</span>
        </label>
        <div className="w-20">
          <input
            id={`${id}-days`}
            inputMode="numeric"
            value={daysLeft}
            onChange={(event) => setDaysLeft(event.target.value)}
            autoComplete="off"
            aria-describedby={`${id}-days-hint`}
            className={textInput}
          />
        </div>
        <p id={`${id}-days-hint`} className={mutedText}>
          {i18n.t('linkedinConnect.daysHint')}
        </p>
      </div>
      <div className="flex items-start gap-3">
        <button
          type="submit"
          aria-disabled={connect.isPending || undefined}
          className={primaryButton}
        >
          {connect.isPending
            ? i18n.t('accountsShared.checking')
            : i18n.t('linkedinConnect.connect')}
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
