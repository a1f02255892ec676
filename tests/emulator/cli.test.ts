import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, parseCliArgs } from './cli-args';
import { DEMO_CREDENTIALS } from './demo';

describe('parseCliArgs', () => {
  it('defaults to port 8787 and the demo credentials', () => {
    expect(parseCliArgs([])).toEqual({
      port: DEFAULT_CLI_PORT,
      keys: undefined,
      tokens: undefined,
      rateLimitPerHour: undefined,
    });
    expect(DEFAULT_CLI_PORT).toBe(8787);
  });

  it('reads keys with accounts, tokens with subs, port and rate limit', () => {
    const config = parseCliArgs([
      '--port',
      '0',
      '--key',
      'k1=aaaaaaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbbbbbbbbb',
      '--key',
      'k2',
      '--token',
      't1=subOne',
      '--token',
      't2',
      '--rate-limit',
      '25',
    ]);
    expect(config.port).toBe(0);
    expect(config.rateLimitPerHour).toBe(25);
    expect(
      config.keys?.map((key) => [key.apiKey, key.accounts.map((account) => account.id)]),
    ).toEqual([
      ['k1', ['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb']],
      ['k2', [expect.stringMatching(/^[0-9a-f]{24}$/)]],
    ]);
    expect(config.tokens?.[0]).toEqual({ token: 't1', sub: 'subOne' });
    expect(config.tokens?.[1]?.sub).toMatch(/^[0-9a-f]{10}$/);
  });

  it('reads LinkedIn apps and switches', () => {
    const config = parseCliArgs([
      '--client',
      'app1=secret=with=equals',
      '--create-when-exists',
      'conflict',
      '--linkedin-daily-limit',
      '3',
    ]);
    expect(config.oauthClients).toEqual([{ clientId: 'app1', clientSecret: 'secret=with=equals' }]);
    expect(config.createWhenExists).toBe('conflict');
    expect(config.linkedinDailyLimit).toEqual({ perDay: 3 });
  });

  it('generates the same account id for the same key every time', () => {
    const first = parseCliArgs(['--key', 'stable']).keys?.[0]?.accounts[0]?.id;
    const second = parseCliArgs(['--key', 'stable']).keys?.[0]?.accounts[0]?.id;
    expect(first).toBe(second);
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--key', 'k=notHex']],
    [['--key', '=aaaaaaaaaaaaaaaaaaaaaaaa']],
    [['--token', 't=bad sub']],
    [['--rate-limit', '-1']],
    [['--client', 'idWithoutSecret']],
    [['--create-when-exists', 'sometimes']],
    [['--linkedin-daily-limit', 'many']],
    [['--unknown']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow();
  });
});

describe('cli', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints one JSON line once listening, serves it, and exits 0 on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const spawned = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        '--port',
        '0',
        '--key',
        'cs_cli=cccccccccccccccccccccccc',
        '--token',
        'tok=member9',
        '--client',
        'cli_app=cli_secret',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = spawned;
    const lines = createInterface({ input: spawned.stdout });
    const firstLine = await new Promise<string>((resolve) => lines.once('line', resolve));
    const printed = JSON.parse(firstLine) as Record<string, string>;
    expect(printed).toMatchObject({
      connectSafelyKey: 'cs_cli',
      accountId: 'cccccccccccccccccccccccc',
      linkedinToken: 'tok',
      actor: 'urn:li:person:member9',
      linkedinClientId: 'cli_app',
      linkedinClientSecret: 'cli_secret',
    });
    expect(printed.linkedinOAuthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/v2$/);
    expect(printed.connectSafelyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/linkedin$/);
    expect(printed.socketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/linkedin\/ws$/);
    expect(printed.linkedinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rest$/);

    const accounts = await fetch(`${printed.connectSafelyUrl}/accounts`, {
      headers: { Authorization: 'Bearer cs_cli' },
    });
    expect(accounts.status).toBe(200);
    const demoKey = await fetch(`${printed.connectSafelyUrl}/accounts`, {
      headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.connectSafelyKey}` },
    });
    expect(demoKey.status).toBe(401);

    const exited = new Promise<number | null>((resolve) =>
      spawned.once('exit', (code) => resolve(code)),
    );
    spawned.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);
});
