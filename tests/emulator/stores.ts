import type { LinkedInReaction, LinkedInReactionType } from './types';

/** Message reactions: per (account, message), the set of emoji that account has put on it. */
export class MessageReactionStore {
  private readonly emojis = new Map<string, Set<string>>();
  private readonly lastUsed = new Map<string, string>();

  private static keyOf(accountId: string, messageUrn: string): string {
    return `${accountId} ${messageUrn}`;
  }

  /** Adds or removes; both are idempotent, as the real endpoint is. */
  apply(accountId: string, messageUrn: string, emoji: string, react: boolean, at: number): void {
    const key = MessageReactionStore.keyOf(accountId, messageUrn);
    const set = this.emojis.get(key) ?? new Set<string>();
    if (react) set.add(emoji);
    else set.delete(emoji);
    if (set.size > 0) this.emojis.set(key, set);
    else this.emojis.delete(key);
    this.lastUsed.set(accountId, new Date(at).toISOString());
  }

  emojisFor(accountId: string, messageUrn: string): string[] {
    return [...(this.emojis.get(MessageReactionStore.keyOf(accountId, messageUrn)) ?? [])];
  }

  lastUsedOf(accountId: string): string | null {
    return this.lastUsed.get(accountId) ?? null;
  }

  clear(): void {
    this.emojis.clear();
    this.lastUsed.clear();
  }
}

export type ListSort = 'REVERSE_CHRONOLOGICAL' | 'CHRONOLOGICAL' | 'RELEVANCE';

interface StoredReaction {
  reaction: LinkedInReaction;
  /** Insertion order, to break ties between reactions made in the same millisecond. */
  order: number;
}

/** Post and comment reactions: one per (actor, entity), as on LinkedIn. */
export class PostReactionStore {
  private readonly reactions = new Map<string, StoredReaction>();
  private nextOrder = 0;

  private static keyOf(actor: string, entity: string): string {
    return `${actor} ${entity}`;
  }

  /** Creates, or replaces the type of the existing reaction (keeping its creation stamp). */
  upsert(actor: string, root: string, type: LinkedInReactionType, time: number): LinkedInReaction {
    const key = PostReactionStore.keyOf(actor, root);
    const existing = this.reactions.get(key);
    const stamp = { actor, time };
    const reaction: LinkedInReaction = {
      id: `urn:li:reaction:(${actor},${root})`,
      reactionType: type,
      root,
      created: existing?.reaction.created ?? stamp,
      lastModified: stamp,
    };
    this.reactions.set(key, { reaction, order: existing?.order ?? this.nextOrder++ });
    return reaction;
  }

  get(actor: string, entity: string): LinkedInReaction | undefined {
    return this.reactions.get(PostReactionStore.keyOf(actor, entity))?.reaction;
  }

  remove(actor: string, entity: string): boolean {
    return this.reactions.delete(PostReactionStore.keyOf(actor, entity));
  }

  /** RELEVANCE has no meaning without a viewer's network; it sorts as REVERSE_CHRONOLOGICAL. */
  listByEntity(entity: string, sort: ListSort = 'REVERSE_CHRONOLOGICAL'): LinkedInReaction[] {
    const matching = [...this.reactions.values()].filter((item) => item.reaction.root === entity);
    matching.sort((a, b) => a.reaction.created.time - b.reaction.created.time || a.order - b.order);
    if (sort !== 'CHRONOLOGICAL') matching.reverse();
    return matching.map((item) => item.reaction);
  }

  clear(): void {
    this.reactions.clear();
    this.nextOrder = 0;
  }
}
