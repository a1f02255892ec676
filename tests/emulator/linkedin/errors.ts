import { type ApiResponse, jsonResponse } from '../http';

/**
 * LinkedIn's error format: `{"status", "message", "serviceErrorCode"}`. The emulator's codes:
 * 65600 invalid token, 100 missing permission, 0 anything else (clients should branch on
 * `status`; only 65600 and 100 carry meaning on top of it).
 */
export const SERVICE_ERROR_CODES: Record<number, number> = { 401: 65600, 403: 100 };

export const liErrorBody = (status: number, message: string) => ({
  status,
  message,
  serviceErrorCode: SERVICE_ERROR_CODES[status] ?? 0,
});

export const liError = (
  status: number,
  message: string,
  headers?: Record<string, string>,
): ApiResponse => jsonResponse(status, liErrorBody(status, message), headers);

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Invalid access token',
  403: 'Not enough permissions to access this resource',
  404: 'Not found',
  429: 'Resource level throttle limit reached',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** The body an injected failure answers with when the test gave none. */
export const liDefaultErrorBody = (status: number) =>
  liErrorBody(status, DEFAULT_MESSAGES[status] ?? `Request failed with status ${status}`);
