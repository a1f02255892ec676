/** Sends an outbox entry to the API in charge of its target. */
import type { OutboxEntry } from '../db/schema';
import { ApiError } from '../services/connectsafely/client';
import { connectSafelyForKeyId } from './clients';

export async function sendReaction(entry: OutboxEntry): Promise<void> {
  const { target } = entry;
  if (target.kind !== 'message') {
    throw new ApiError({ kind: 'rejected', message: 'Reactbar cannot react to posts yet.' });
  }
  const client = await connectSafelyForKeyId(entry.keyId);
  if (!client)
    throw new ApiError({ kind: 'unauthorized', message: 'The key for this reaction was removed.' });
  await client.react({
    conversationUrn: target.conversationUrn,
    messageUrn: target.urn,
    accountId: entry.accountId,
    emoji: entry.value,
    react: entry.react,
  });
}
