import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import {
  type ConnectionSettings,
  connectionSettingsSchema,
  DEFAULT_CONNECTION_SETTINGS,
} from '@/lib/settings';

const FIELDS: Array<{ name: keyof ConnectionSettings; label: string; hint: string }> = [
  {
    name: 'connectSafelyUrl',
    label: 'ConnectSafely API URL',
    hint: 'Message reactions are sent here.',
  },
  {
    name: 'socketUrl',
    label: 'Realtime socket URL',
    hint: 'Reactions made elsewhere arrive here.',
  },
  {
    name: 'linkedinUrl',
    label: 'LinkedIn API URL',
    hint: 'Post and comment reactions are sent here.',
  },
  { name: 'linkedinVersion', label: 'LinkedIn API version', hint: 'A month, YYYYMM.' },
  {
    name: 'linkedinOAuthUrl',
    label: 'LinkedIn OAuth URL',
    hint: '"Sign in with LinkedIn" opens …/authorization here and trades its code at …/accessToken.',
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
        Connection
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Where Reactbar sends reactions. The defaults are the real services; point them at the local
        emulator to try Reactbar without accounts.
      </p>
      <form onSubmit={submit} className="space-y-3" noValidate>
        {FIELDS.map((field) => {
          const inputId = `${idPrefix}-${field.name}`;
          const error = errors[field.name];
          return (
            <div key={field.name} className="flex flex-col gap-1">
              <label htmlFor={inputId} className="text-sm font-medium">
                {field.label}
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
                {error ?? field.hint}
              </span>
            </div>
          );
        })}
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-dark focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            Save
          </button>
          <button
            type="button"
            onClick={() => {
              setErrors({});
              setDraft(DEFAULT_CONNECTION_SETTINGS);
            }}
            className="rounded border border-gray-300 px-3 py-1.5 text-sm dark:border-gray-600"
          >
            Use the real services
          </button>
          <output className="text-sm">
            {save.isSuccess && !save.isPending ? 'Saved.' : ''}
            {save.isError ? `Not saved: ${save.error.message}` : ''}
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
