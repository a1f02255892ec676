/** getViews carries what LinkedIn's page shows on posts and comments, checked like any payload. */
import { describe, expect, it } from 'vitest';
import { admit, RefusedMessageError } from '@/lib/messaging/serve';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const extension = { id: ID, origin: `chrome-extension://${ID}` };
const linkedIn = { id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 3 }, frameId: 0 };
const POST = 'urn:li:activity:7402098811520303104';
const COMMENT = 'urn:li:comment:(urn:li:activity:7402076102945107968,7402079934101643264)';

function accepted(data: unknown): boolean {
  try {
    admit('getViews', data, linkedIn, extension);
    return true;
  } catch (error) {
    if (error instanceof RefusedMessageError) return false;
    throw error;
  }
}

describe('getViews page states', () => {
  it('takes a reaction type or none for posts and comments, and may be left out', () => {
    expect(accepted({ urns: [POST, COMMENT] })).toBe(true);
    expect(
      accepted({ urns: [POST, COMMENT], pageStates: { [POST]: 'PRAISE', [COMMENT]: null } }),
    ).toBe(true);
  });

  it('refuses other values, retired types, and URNs that are not a post or a comment in API form', () => {
    expect(accepted({ urns: [POST], pageStates: { [POST]: 'MAYBE' } })).toBe(false);
    expect(accepted({ urns: [POST], pageStates: { [POST]: '👍' } })).toBe(false);
    expect(accepted({ urns: [POST], pageStates: { [POST]: 'like' } })).toBe(false);
    expect(accepted({ urns: [POST], pageStates: { 'urn:li:aggregate:(x)': 'LIKE' } })).toBe(false);
    // A comment URN in the short form the page writes is not the API's form.
    expect(
      accepted({
        urns: [POST],
        pageStates: { 'urn:li:comment:(activity:7402076102945107968,7402079934101643264)': 'LIKE' },
      }),
    ).toBe(false);
    const many = Object.fromEntries(
      Array.from({ length: 501 }, (_, index) => [`urn:li:activity:${1000 + index}`, 'LIKE']),
    );
    expect(accepted({ urns: [POST], pageStates: many })).toBe(false);
  });
});
