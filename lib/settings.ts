/**
 * Connection settings: where the background sends API calls. Not secret (no keys here),
 * so they live in extension storage; the background re-validates them on every read.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .url('Enter a full URL, like https://example.com')
  .refine((value) => /^https?:\/\//i.test(value), 'The URL must start with http:// or https://')
  .transform((value) => value.replace(/\/+$/, ''));

const socketUrl = z
  .string()
  .trim()
  .url('Enter a full URL, like wss://example.com/ws')
  .refine((value) => /^wss?:\/\//i.test(value), 'The URL must start with ws:// or wss://');

export const connectionSettingsSchema = z.object({
  connectSafelyUrl: httpUrl,
  socketUrl,
  linkedinUrl: httpUrl,
  linkedinVersion: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'The version is a month, written YYYYMM (for example 202611)'),
});

export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

/** The real services. The LinkedIn version is monthly; versions retire after about a year. */
export const DEFAULT_CONNECTION_SETTINGS: ConnectionSettings = {
  connectSafelyUrl: 'https://api.connectsafely.ai/linkedin',
  socketUrl: 'wss://api.connectsafely.ai/linkedin/ws',
  linkedinUrl: 'https://api.linkedin.com/rest',
  linkedinVersion: '202610',
};

const connectionItem = storage.defineItem<ConnectionSettings>('local:settings.connection', {
  fallback: DEFAULT_CONNECTION_SETTINGS,
});

/** The stored settings, or the defaults if what is stored is missing or no longer valid. */
export async function loadConnectionSettings(): Promise<ConnectionSettings> {
  const parsed = connectionSettingsSchema.safeParse(await connectionItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_CONNECTION_SETTINGS;
}

/** Validates and saves; throws a ZodError naming the bad fields. */
export async function saveConnectionSettings(input: unknown): Promise<ConnectionSettings> {
  const settings = connectionSettingsSchema.parse(input);
  await connectionItem.setValue(settings);
  return settings;
}

export function watchConnectionSettings(onChange: (settings: ConnectionSettings) => void) {
  return connectionItem.watch((value) => {
    const parsed = connectionSettingsSchema.safeParse(value);
    onChange(parsed.success ? parsed.data : DEFAULT_CONNECTION_SETTINGS);
  });
}
