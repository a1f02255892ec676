import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { AccountSeed, CreateWhenExists, KeySeed, OAuthClientSeed, TokenSeed } from './types';

export const DEFAULT_CLI_PORT = 8787;

export interface CliConfig {
  port: number;
  /** Undefined: the demo keys. */
  keys?: KeySeed[];
  /** Undefined: the demo token. */
  tokens?: TokenSeed[];
  rateLimitPerHour?: number;
  /** Undefined: the demo app. */
  oauthClients?: OAuthClientSeed[];
  createWhenExists?: CreateWhenExists;
  linkedinDailyLimit?: { perDay: number };
}

const ACCOUNT_ID = /^[0-9a-f]{24}$/;

/** Stable per input, so a restarted emulator gives the same generated ids. */
const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

function generatedAccount(id: string, index: number): AccountSeed {
  return {
    id,
    firstName: 'Test',
    lastName: `Account ${index + 1}`,
    publicId: `test-account-${id.slice(-6)}`,
  };
}

/** `<apiKey>[=<accountId>[,<accountId>…]]` */
export function parseKeyFlag(value: string): KeySeed {
  const [apiKey = '', ids] = splitOnce(value);
  if (apiKey === '') throw new Error(`--key ${value}: the API key is empty`);
  const accountIds = ids
    ? ids.split(',').map((id) => id.trim().toLowerCase())
    : [digest(apiKey).slice(0, 24)];
  for (const id of accountIds) {
    if (!ACCOUNT_ID.test(id))
      throw new Error(`--key ${value}: account id ${id} is not 24 hex characters`);
  }
  return { apiKey, accounts: accountIds.map(generatedAccount) };
}

/** `<token>[=<sub>]` */
export function parseTokenFlag(value: string): TokenSeed {
  const [token = '', sub] = splitOnce(value);
  if (token === '') throw new Error(`--token ${value}: the token is empty`);
  if (sub !== undefined && !/^[A-Za-z0-9_-]+$/.test(sub)) {
    throw new Error(`--token ${value}: sub may only hold letters, digits, '-' and '_'`);
  }
  return { token, sub: sub ?? digest(token).slice(0, 10) };
}

/** `<clientId>=<clientSecret>` */
export function parseClientFlag(value: string): OAuthClientSeed {
  const [clientId = '', clientSecret] = splitOnce(value);
  if (clientId === '' || !clientSecret) {
    throw new Error(`--client ${value}: expected <clientId>=<clientSecret>`);
  }
  return { clientId, clientSecret };
}

function splitOnce(value: string): [string, string | undefined] {
  const mark = value.indexOf('=');
  return mark < 0 ? [value, undefined] : [value.slice(0, mark), value.slice(mark + 1)];
}

function parseNonNegativeInt(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${flag} ${value}: expected a non-negative integer`);
  return Number(value);
}

export function parseCliArgs(argv: string[]): CliConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      key: { type: 'string', multiple: true },
      token: { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      client: { type: 'string', multiple: true },
      'create-when-exists': { type: 'string' },
      'linkedin-daily-limit': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port =
    values.port === undefined ? DEFAULT_CLI_PORT : parseNonNegativeInt('--port', values.port);
  if (port > 65535) throw new Error(`--port ${port}: out of range`);
  const rateLimit = values['rate-limit'];
  const createWhenExists = values['create-when-exists'];
  if (
    createWhenExists !== undefined &&
    createWhenExists !== 'upsert' &&
    createWhenExists !== 'conflict'
  ) {
    throw new Error(`--create-when-exists ${createWhenExists}: expected upsert or conflict`);
  }
  const dailyLimit = values['linkedin-daily-limit'];
  return {
    port,
    keys: values.key?.map(parseKeyFlag),
    tokens: values.token?.map(parseTokenFlag),
    rateLimitPerHour:
      rateLimit === undefined ? undefined : parseNonNegativeInt('--rate-limit', rateLimit),
    oauthClients: values.client?.map(parseClientFlag),
    createWhenExists,
    linkedinDailyLimit:
      dailyLimit === undefined
        ? undefined
        : { perDay: parseNonNegativeInt('--linkedin-daily-limit', dailyLimit) },
  };
}
