import { describe, expect, it } from 'vitest';
import { classifySender } from '@/lib/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('classifySender', () => {
  it('accepts the extension’s own pages and LinkedIn frames', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe('extension');
    expect(
      classifySender({ id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 3 } }, ID, ORIGIN),
    ).toBe('linkedin');
    expect(
      classifySender(
        { id: ID, url: 'https://www.linkedin.com/preload/messaging-overlay/', tab: { id: 3 } },
        ID,
        ORIGIN,
      ),
    ).toBe('linkedin');
  });

  it.each([
    [
      'another extension',
      {
        id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
        url: 'https://www.linkedin.com/feed/',
        tab: { id: 1 },
      },
    ],
    ['another origin', { id: ID, url: 'https://evil.example/linkedin.com/', tab: { id: 1 } }],
    [
      'a look-alike host',
      { id: ID, url: 'https://www.linkedin.com.evil.example/', tab: { id: 1 } },
    ],
    ['plain http', { id: ID, url: 'http://www.linkedin.com/feed/', tab: { id: 1 } }],
    ['a LinkedIn URL without a tab', { id: ID, url: 'https://www.linkedin.com/feed/' }],
    ['no URL', { id: ID }],
    ['a malformed URL', { id: ID, url: 'not a url', tab: { id: 1 } }],
    [
      'another extension’s page',
      { id: ID, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' },
    ],
  ])('refuses %s', (_name, sender) => {
    expect(classifySender(sender, ID, ORIGIN)).toBeNull();
  });
});
