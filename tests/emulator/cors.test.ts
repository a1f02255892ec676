import { describe, expect, it } from 'vitest';
import { csFetch, liFetch, useEmulator } from './test-support';

const expectCors = (response: Response) => {
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
  for (const name of [
    'x-restli-id',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
    'retry-after',
  ]) {
    expect(exposed.split(/,\s*/)).toContain(name);
  }
};

describe('CORS', () => {
  const t = useEmulator();

  it.each([
    ['/linkedin/conversations/a/messages/b/react', 'POST'],
    ['/linkedin/accounts', 'GET'],
    ['/rest/reactions?actor=x', 'POST'],
    ['/rest/reactions/(actor:a,entity:b)', 'DELETE'],
    ['/v2/userinfo', 'GET'],
    ['/anything/else', 'GET'],
  ])(
    'answers the preflight of %s with 204 and the allowed headers and methods',
    async (path, method) => {
      const origin = t.emulator.urls.connectSafelyUrl.replace('/linkedin', '');
      const response = await fetch(`${origin}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'chrome-extension://abcdefghijklmnop',
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers':
            'authorization,content-type,linkedin-version,x-restli-protocol-version',
        },
      });
      expect(response.status).toBe(204);
      expectCors(response);
      const allowedHeaders = (
        response.headers.get('access-control-allow-headers') ?? ''
      ).toLowerCase();
      for (const name of [
        'authorization',
        'content-type',
        'linkedin-version',
        'x-restli-protocol-version',
      ]) {
        expect(allowedHeaders).toContain(name);
      }
      const allowedMethods = response.headers.get('access-control-allow-methods') ?? '';
      for (const name of ['GET', 'POST', 'DELETE', 'OPTIONS'])
        expect(allowedMethods).toContain(name);
    },
  );

  it('puts the CORS headers on successes and on errors of both APIs', async () => {
    const responses = [
      await csFetch(t.emulator, '/accounts'),
      await csFetch(t.emulator, '/accounts', { headers: { Authorization: 'Bearer wrong' } }),
      await csFetch(t.emulator, '/nope'),
      await liFetch(t.emulator, '/v2/userinfo'),
      await liFetch(t.emulator, '/rest/reactions'),
      await liFetch(t.emulator, '/rest/reactions', { headers: { Authorization: 'Bearer wrong' } }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 401, 404, 200, 400, 401]);
    for (const response of responses) expectCors(response);
  });

  it('does not log preflights against a route', async () => {
    await fetch(`${t.emulator.urls.connectSafelyUrl}/accounts`, { method: 'OPTIONS' });
    expect(await t.control.requests({ route: 'cs.accounts' })).toEqual([]);
  });
});
