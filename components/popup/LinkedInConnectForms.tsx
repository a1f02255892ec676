import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type Ref, useId, useState } from 'react';
import type { z } from 'zod';
import type {
  ConnectLinkedInTokenRequest,
  LinkedInAppSummary,
  LinkedInSignInState,
  SignInWithLinkedInRequest,
} from '@/lib/messaging/linkedin';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { REQUEST_RULES } from '@/lib/messaging/rules';
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
  return error.issues[0]?.message ?? 'Check what you entered.';
}

interface LinkedInConnectFormsProps {
  id: string;
  app: LinkedInAppSummary | null;
  redirectUrl: string;
  signIn: LinkedInSignInState;
  /** The first field, so the section can focus it. */
  firstFieldRef?: Ref<HTMLInputElement>;
  onConnected(how: string): void;
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
        onConnected={() => onConnected('signed in')}
      />
      <TokenForm onConnected={() => onConnected('token added')} />
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
      setProblem("Enter your app's client id and client secret first.");
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
        Sign in with LinkedIn
      </h3>
      <p className={mutedText}>
        With your own LinkedIn app (developer portal, its “Auth” tab): add this redirect URL to its
        authorized redirect URLs, then enter its client id and secret once.
      </p>
      <div className="space-y-1">
        <label htmlFor={`${id}-redirect`} className="block text-xs font-medium">
          Redirect URL for your app
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
            Copy<span className="sr-only"> the redirect URL</span>
          </button>
        </div>
        <p role="status" className="sr-only">
          {copied ? 'Redirect URL copied.' : ''}
        </p>
      </div>
      {enterApp ? (
        <>
          <div className="space-y-1">
            <label htmlFor={`${id}-client`} className="block text-xs font-medium">
              Client ID
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
              Client secret
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
                {revealed ? 'Hide' : 'Show'}
              </button>
            </div>
            <p id={`${id}-secret-hint`} className={mutedText}>
              Kept in this browser, used only to trade LinkedIn's sign-in code for a token.
            </p>
          </div>
          {app ? (
            <button type="button" onClick={() => setChangingApp(false)} className={secondaryButton}>
              Keep the stored app
            </button>
          ) : null}
        </>
      ) : app ? (
        <div className="space-y-1 text-xs">
          <p>
            App <span className="font-mono">{app.clientId}</span>, secret{' '}
            <span className="font-mono">{app.maskedSecret}</span>
            {app.status === 'valid' ? (
              <span className={TONE_TEXT.good}> · accepted by LinkedIn</span>
            ) : null}
          </p>
          {app.status === 'refused' && app.error ? (
            <p className={TONE_TEXT.bad}>{app.error}</p>
          ) : null}
          <div className="flex gap-2">
            <button type="button" onClick={() => setChangingApp(true)} className={secondaryButton}>
              Change app
            </button>
            <button
              type="button"
              aria-disabled={forget.isPending || undefined}
              onClick={() => {
                if (!forget.isPending) forget.mutate();
              }}
              className={secondaryButton}
            >
              Forget app
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
            Also react as pages I manage
          </label>
          <p id={`${id}-pages-hint`} className={mutedText}>
            Asks for w_organization_social and rw_organization_admin too (your app needs LinkedIn's
            Community Management API product).
          </p>
        </div>
      </div>
      <div className="flex items-start gap-3">
        <button type="submit" aria-disabled={waiting || undefined} className={primaryButton}>
          {waiting ? 'Waiting for LinkedIn…' : 'Sign in with LinkedIn'}
        </button>
        {shown ? (
          <p id={alertId} role="alert" className={`${alertText} pt-1`}>
            {shown}
          </p>
        ) : null}
      </div>
      {waiting ? (
        <p role="status" className={mutedText}>
          Finish in LinkedIn's window. If this popup closes meanwhile, open it again to see the
          outcome.
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
      setProblem('Paste your LinkedIn access token first.');
      return;
    }
    const days = daysLeft.trim();
    if (days && !/^\d+$/.test(days)) {
      setProblem('Days left is a whole number from 1 to 60, or empty.');
      return;
    }
    const request = days ? { accessToken, daysLeft: Number(days) } : { accessToken };
    const parsed = REQUEST_RULES.connectLinkedInToken.schema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(
        issue?.path[0] === 'daysLeft'
          ? 'Days left is a whole number from 1 to 60, or empty.'
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
        Or paste an access token
      </h3>
      <p className={mutedText}>
        Made with the developer portal's token generator for your app, which needs the “Share on
        LinkedIn” and “Sign In with LinkedIn using OpenID Connect” products.
      </p>
      <div className="space-y-1">
        <label htmlFor={`${id}-token`} className="block text-xs font-medium">
          Access token
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
            {revealed ? 'Hide' : 'Show'}
          </button>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-days`} className="block text-xs font-medium">
          Days until it ends <span className={mutedText}>(optional)</span>
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
          LinkedIn's tokens last 60 days. Say how many are left, and Reactbar warns you a week
          before the end; if you don't know, it counts 60 days from now as the latest end.
        </p>
      </div>
      <div className="flex items-start gap-3">
        <button
          type="submit"
          aria-disabled={connect.isPending || undefined}
          className={primaryButton}
        >
          {connect.isPending ? 'Checking…' : 'Connect token'}
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
