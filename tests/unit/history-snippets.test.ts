import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory, forgetSnippets, HISTORY_STORES, readHistoryPage } from '@/lib/db/history';
import { closeDatabaseForTests, openDatabase } from '@/lib/db/schema';
import { ownLine } from '@/lib/engine/history-lines';
import type { Intent } from '@/lib/engine/types';
import { clipSnippet, SNIPPET_MAX } from '@/lib/history-snippets';
import { admit } from '@/lib/messaging/serve';

beforeEach(() => {
  closeDatabaseForTests();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDatabaseForTests());

describe('snippets', () => {
  it('are one line of at most 80 characters, emoji kept whole', () => {
    expect(clipSnippet('  Our Q3\n\nlaunch   went live  ')).toBe('Our Q3 launch went live');
    const long = `${'🎉'.repeat(100)}`;
    const clipped = clipSnippet(long);
    expect([...clipped]).toHaveLength(SNIPPET_MAX);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipped.slice(0, -1)).toBe('🎉'.repeat(SNIPPET_MAX - 1));
  });

  it('are clipped at the door, whatever a page sends', () => {
    const extension = { id: 'ext', origin: 'chrome-extension://ext' };
    const sender = { id: 'ext', url: 'https://www.linkedin.com/feed/', tab: { id: 1 } };
    const post = { kind: 'post', urn: 'urn:li:activity:7391234567890123456' };
    const { data } = admit(
      'react',
      { target: post, value: 'LIKE', react: true, snippet: `a ${'b'.repeat(200)}` },
      sender,
      extension,
    );
    expect([...(data.snippet ?? '')]).toHaveLength(SNIPPET_MAX);
    expect(() =>
      admit(
        'react',
        { target: post, value: 'LIKE', react: true, snippet: 'x'.repeat(401) },
        sender,
        extension,
      ),
    ).toThrow();
  });

  it('go from the click to its history line', () => {
    const intent = {
      id: 'linkedin|urn:li:person:a|urn:li:activity:1|',
      service: 'linkedin',
      credentialId: 't',
      actor: 'urn:li:person:a',
      target: { kind: 'post', urn: 'urn:li:activity:1' },
      facet: '',
      desired: 'LIKE',
      clickedAt: 1,
      version: 1,
      attempts: 0,
      nextAttemptAt: 1,
      sent: [],
      snippet: 'Our launch',
    } satisfies Intent;
    expect(ownLine(intent, 'LIKE', null, 'applied', 2).snippet).toBe('Our launch');
    const { snippet: _none, ...without } = intent;
    expect(ownLine(without, 'LIKE', null, 'applied', 2)).not.toHaveProperty('snippet');
  });

  it('are all deleted when the option is switched off, the lines kept', async () => {
    const db = await openDatabase();
    const line = {
      at: 1,
      service: 'linkedin',
      kind: 'post',
      urn: 'urn:li:activity:1',
      value: 'LIKE',
      react: true,
      actor: 'urn:li:person:a',
      source: 'own',
      outcome: 'applied',
      link: 'https://www.linkedin.com/feed/',
    } as const;
    for (let index = 0; index < 12; index++) {
      const stored = index % 3 === 0 ? { ...line, snippet: `text ${index}` } : line;
      const tx = db.transaction(HISTORY_STORES, 'readwrite');
      await appendHistory(tx, [stored]);
      await tx.done;
    }
    expect((await readHistoryPage({ search: 'text' })).lines).toHaveLength(4);
    expect(await forgetSnippets()).toBe(4);
    const lines = await db.getAll('history');
    expect(lines).toHaveLength(12);
    expect(lines.some((entry) => 'snippet' in entry)).toBe(false);
    // The snippet's words left the search keys with it; the other words stay.
    const keys = await db.getAll('historyWords');
    expect(keys.map((row) => row.id)).toEqual(lines.map((entry) => entry.id));
    expect(keys.some((row) => row.words.includes('text'))).toBe(false);
    expect(keys.every((row) => row.words.includes('like'))).toBe(true);
    expect(await db.countFromIndex('historyWords', 'byWord', 'text')).toBe(0);
    expect((await readHistoryPage({ search: 'text' })).lines).toEqual([]);
  });
});
