import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { i18n } from '#i18n';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import {
  type ConnectionSettings,
  connectionSettingsSchema,
  DEFAULT_CONNECTION_SETTINGS,
} from '@/lib/settings';

/** Each field, with its label and hint from the catalogue (read when shown: the browser's language). */
const FIELDS: Array<{ name: keyof ConnectionSettings; label: () => string; hint: () => string }> = [
  {
    name: 'connectSafelyUrl',
    label: () => i18n.t('connection.connectSafelyUrl.label'),
    hint: () => i18n.t('connection.connectSafelyUrl.hint'),
  },
  {
    name: 'socketUrl',
    label: () => i18n.t('connection.socketUrl.label'),
    hint: () => i18n.t('connection.socketUrl.hint'),
  },
  {
    name: 'linkedinUrl',
    label: () => i18n.t('connection.linkedinUrl.label'),
    hint: () => i18n.t('connection.linkedinUrl.hint'),
  },
  {
    name: 'linkedinVersion',
    label: () => i18n.t('connection.linkedinVersion.label'),
    hint: () => i18n.t('connection.linkedinVersion.hint'),
  },
  {
    name: 'linkedinOAuthUrl',
    label: () => i18n.t('connection.linkedinOAuthUrl.label'),
    hint: () => i18n.t('connection.linkedinOAuthUrl.hint'),
  },
];

type FieldErrors = Partial<Record<keyof ConnectionSettings, string>>;

/** The options page's "Connection" section. */
export function ConnectionForm() {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['settings', 'connection'],
    queryFn: async () => (await backgroundMessenger.sendMessage('getStatus', undefined)).connection,
  });
  const [draft, setDraft] = useState<ConnectionSettings>(DEFAULT_CONNECTION_SETTINGS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const idPrefix = useId();

  useEffect(() => {
    // Settings saved before a field existed lack it: it shows its default.
    if (settings.data) setDraft({ ...DEFAULT_CONNECTION_SETTINGS, ...settings.data });
  }, [settings.data]);

  const save = useMutation({
    mutationFn: (settings: ConnectionSettings) =>
      backgroundMessenger.sendMessage('saveConnection', settings),
    onSuccess: (saved) => queryClient.setQueryData(['settings', 'connection'], saved),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = connectionSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  }

  return (
    <section aria-labelledby={`${idPrefix}-title`} className="space-y-4">
      <h2 id={`${idPrefix}-title`} className="text-lg font-semibold">
        {i18n.t('connection.title')}
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">{i18n.t('connection.intro')}</p>
      <form onSubmit={submit} className="space-y-3" noValidate>
        {FIELDS.map((field) => {
          const inputId = `${idPrefix}-${field.name}`;
          const error = errors[field.name];
          return (
            <div key={field.name} className="flex flex-col gap-1">
              <label htmlFor={inputId} className="text-sm font-medium">
                {field.label()}
              </label>
              <input
                id={inputId}
                name={field.name}
                value={draft[field.name] ?? ''}
                onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${inputId}-hint`}
                spellCheck={false}
                className="rounded border border-gray-300 bg-white px-2 py-1 font-mono text-sm dark:border-gray-600 dark:bg-gray-900 aria-[invalid]:border-red-600"
              />
              <span
                id={`${inputId}-hint`}
                className={
                  error ? 'text-xs text-red-700 dark:text-red-400' : 'text-xs text-gray-500'
                }
              >
                {error ?? field.hint()}
              </span>
            </div>
          );
        })}
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-dark focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            {i18n.t('connection.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setErrors({});
              setDraft(DEFAULT_CONNECTION_SETTINGS);
            }}
            className="rounded border border-gray-300 px-3 py-1.5 text-sm dark:border-gray-600"
          >
            {i18n.t('connection.useRealServices')}
          </button>
          <output className="text-sm">
            {save.isSuccess && !save.isPending ? i18n.t('connection.saved') : ''}
            {save.isError ? i18n.t('connection.notSaved', [save.error.message]) : ''}
          </output>
        </div>
      </form>
    </section>
  );
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as keyof ConnectionSettings | undefined;
    if (field && !result[field]) result[field] = issue.message;
  }
  return result;
}
