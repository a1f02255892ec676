/**
 * A surface is one kind of reaction target in LinkedIn's markup. Each surface module owns
 * every selector for its part of the page, so a markup change touches one file.
 */
/** Returned by `read` for a candidate worth asking about again later. */
export const RETRY = 'retry' as const;

export type TargetKind = 'post' | 'comment' | 'message';

export interface TargetInfo {
  kind: TargetKind;
  /** The URN the API reacts to: post, normalized comment, or message URN. */
  urn: string;
  /** Messages: the conversation the message belongs to. */
  conversationUrn?: string;
  /** Comments: the post they belong to. */
  postUrn?: string;
}

export interface Surface {
  kind: TargetKind;
  /** Cheap CSS for candidate elements; `read` decides whether a candidate is a target. */
  selector: string;
  /**
   * The target a candidate stands for; null when it is not one; RETRY when it may become one
   * once more of it renders or the URL changes (the scanner asks again then).
   */
  read(candidate: Element): TargetInfo | null | typeof RETRY;
  /** Puts the UI host where it belongs for this candidate. */
  placeHost(candidate: Element, host: Element): void;
  /** Several nodes may render the same target (generation B): only the first gets UI. */
  oneNodePerUrn?: boolean;
  /**
   * Posts and comments: the reaction LinkedIn's own control shows the member has on the target
   * (a type, null for none), or undefined when the page does not say. Read when the target's
   * view is asked for.
   */
  readState?(candidate: Element): string | null | undefined;
  /** The attributes (besides children) whose change may change what `readState` reads. */
  stateAttributes?: readonly string[];
}

/** Attributes whose change can turn a candidate into a different target. */
export const WATCHED_ATTRIBUTES = ['data-urn', 'data-id', 'data-event-urn', 'componentkey'];
