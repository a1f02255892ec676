/**
 * Connection settings: where the background sends API calls (with the keys). Their schema and
 * defaults live here; only the background stores them (see background/settings-store.ts),
 * where no content script can change them and so redirect a key elsewhere.
 */
import { z } from 'zod';
import { word, wordWith } from './catalogue-word';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** https:// or wss:// anywhere; plain http:// or ws:// only on this machine (the emulator). */
function url(secure: string, plain: string, example: string) {
  // Each check's words are read when it fails, in the browser's language.
  return z
    .string()
    .trim()
    .url({ error: () => wordWith('settingsCheck.fullUrl', [example]) })
    .refine((value) => new RegExp(`^(${secure}|${plain})://`, 'i').test(value), {
      error: () => wordWith('settingsCheck.urlScheme', [`${plain}://`, `${secure}://`]),
    })
    .refine(
      (value) => {
        const parsed = new URL(value);
        return parsed.protocol === `${secure}:` || LOOPBACK.test(parsed.hostname);
      },
      { error: () => wordWith('settingsCheck.localOnly', [`${plain}://`, `${secure}://`]) },
    )
    .transform((value) => value.replace(/\/+$/, ''));
}

export const connectionSettingsSchema = z.object({
  connectSafelyUrl: url('https', 'http', 'https://example.com'),
  socketUrl: url('wss', 'ws', 'wss://example.com/ws'),
  linkedinUrl: url('https', 'http', 'https://example.com'),
  linkedinVersion: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: () => word('settingsCheck.version') }),
  /**
   * LinkedIn's OAuth 2.0 base (`/authorization`, `/accessToken` under it). Optional so that
   * settings stored before it existed stay valid: absent means the real one (see
   * linkedinEndpoints).
   */
  linkedinOAuthUrl: url('https', 'http', 'https://www.linkedin.com/oauth/v2').optional(),
});

export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

const DEFAULT_OAUTH_URL = 'https://www.linkedin.com/oauth/v2';

/** The real services. The LinkedIn version is monthly; versions retire after about a year. */
export const DEFAULT_CONNECTION_SETTINGS: ConnectionSettings = {
  connectSafelyUrl: 'https://api.connectsafely.ai/linkedin',
  socketUrl: 'wss://api.connectsafely.ai/linkedin/ws',
  linkedinUrl: 'https://api.linkedin.com/rest',
  linkedinVersion: '202610',
  linkedinOAuthUrl: DEFAULT_OAUTH_URL,
};

/** Where each LinkedIn call goes, from the settings. */
export interface LinkedInEndpoints {
  /** The versioned REST base: reactions, organizationAcls, organizations. */
  restUrl: string;
  /**
   * OpenID Connect userinfo, unversioned: `/v2/userinfo` beside the REST base
   * (https://api.linkedin.com/rest → https://api.linkedin.com/v2/userinfo), so one URL points
   * every API call at a server (the emulator serves both there too).
   */
  userinfoUrl: string;
  /** The OAuth base: `<oauthUrl>/authorization` and `<oauthUrl>/accessToken`. */
  oauthUrl: string;
  /** The `LinkedIn-Version` header, YYYYMM. */
  version: string;
}

export function linkedinEndpoints(settings: ConnectionSettings): LinkedInEndpoints {
  const restUrl = settings.linkedinUrl.replace(/\/+$/, '');
  return {
    restUrl,
    userinfoUrl: new URL('../v2/userinfo', `${restUrl}/`).href,
    oauthUrl: (settings.linkedinOAuthUrl ?? DEFAULT_OAUTH_URL).replace(/\/+$/, ''),
    version: settings.linkedinVersion,
  };
}
