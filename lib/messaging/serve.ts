/**
 * Background side of the protocol: every handler is wrapped so that it runs only for an
 * allowed sender and a payload that passes its schema.
 */
import { browser } from 'wxt/browser';
import {
  type BackgroundProtocol,
  backgroundMessenger,
  REFUSED_MESSAGE_ERROR,
  type SenderKind,
} from './protocol';
import { REQUEST_RULES } from './rules';
import { classifySender, type SenderLike } from './sender';

type Request<K extends keyof BackgroundProtocol> = Parameters<BackgroundProtocol[K]>[0];
type Response<K extends keyof BackgroundProtocol> = ReturnType<BackgroundProtocol[K]>;

export interface HandlerContext {
  senderKind: SenderKind;
  tabId?: number;
  frameId?: number;
}

export class RefusedMessageError extends Error {
  override name = REFUSED_MESSAGE_ERROR;
}

/** The extension itself, as a sender must prove to belong to it. */
export interface OwnExtension {
  id: string;
  origin: string;
}

/**
 * The door's checks: the sender must be one the message's rule allows and the payload must
 * pass its schema. Returns the parsed payload, or throws a RefusedMessageError.
 */
export function admit<K extends keyof BackgroundProtocol>(
  name: K,
  data: unknown,
  sender: SenderLike & { frameId?: number },
  extension: OwnExtension,
): { data: Request<K>; context: HandlerContext } {
  const rule = REQUEST_RULES[name];
  const senderKind = classifySender(sender, extension.id, extension.origin);
  if (!senderKind || !(rule.senders as readonly SenderKind[]).includes(senderKind)) {
    throw new RefusedMessageError(`"${name}" is not accepted from this sender`);
  }
  const parsed = rule.schema.safeParse(data);
  if (!parsed.success) {
    throw new RefusedMessageError(`"${name}" has an invalid payload`);
  }
  return {
    data: parsed.data as Request<K>,
    context: { senderKind, tabId: sender.tab?.id, frameId: sender.frameId },
  };
}

type AdmittedListener = (context: HandlerContext) => void;
const admittedListeners: AdmittedListener[] = [];

/**
 * Runs for every message the door lets through, before its handler: the fan-out learns from it
 * which LinkedIn frames our content script runs in.
 */
export function onAdmitted(listener: AdmittedListener): void {
  admittedListeners.push(listener);
}

export function handle<K extends keyof BackgroundProtocol>(
  name: K,
  handler: (data: Request<K>, context: HandlerContext) => Response<K> | Promise<Response<K>>,
): void {
  // The background runs in the extension's own origin (service worker or event page).
  const extension = { id: browser.runtime.id, origin: globalThis.location.origin };
  backgroundMessenger.onMessage(name, async ({ data, sender }) => {
    const admitted = admit(name, data, sender, extension);
    for (const listener of admittedListeners) listener(admitted.context);
    return handler(admitted.data, admitted.context);
  });
}
