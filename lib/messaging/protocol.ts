/**
 * The one message protocol between the extension's contexts: names, payloads and answers.
 * Kept free of runtime dependencies because the content script imports it on every page;
 * the background validates each payload against `./rules`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ConnectionSettings } from '../settings';

export type SenderKind = 'linkedin' | 'extension';

export interface PingRequest {
  from: 'content' | 'popup' | 'options';
}

export interface PingResponse {
  pong: true;
  version: string;
  /** When this background worker instance started (ms), to tell restarts apart. */
  startedAt: number;
}

export interface BackgroundStatus {
  connection: ConnectionSettings;
  startedAt: number;
}

/** Background handlers, keyed by message name. */
export interface BackgroundProtocol {
  ping(data: PingRequest): PingResponse;
  getStatus(): BackgroundStatus;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
