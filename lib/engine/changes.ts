/** Building one commit: the last word on an intent wins, so storage never sees it twice. */
import type { EngineChange, Intent } from './types';

export function putIntent(change: EngineChange, intent: Intent): void {
  change.deleteIntents = change.deleteIntents?.filter((id) => id !== intent.id);
  change.putIntents = [...(change.putIntents ?? []).filter((put) => put.id !== intent.id), intent];
}

export function deleteIntent(change: EngineChange, id: string): void {
  change.putIntents = change.putIntents?.filter((put) => put.id !== id);
  change.deleteIntents = [...(change.deleteIntents ?? []).filter((other) => other !== id), id];
}
