import { type ApiResponse, jsonResponse } from '../http';

/**
 * LinkedIn's error format: `{"status", "message", "serviceErrorCode"}`. The emulator's codes:
 * 65600 invalid token, 65601 revoked token, 65602 expired token, 100 missing permission, 101
 * throttled, 0 anything else (clients should branch on `status`).
 */
export const SERVICE_ERROR_CODES: Record<number, number> = { 401: 65600, 403: 100, 429: 101 };

export const liErrorBody = (status: number, message: string, serviceErrorCode?: number) => ({
  status,
  message,
  serviceErrorCode: serviceErrorCode ?? SERVICE_ERROR_CODES[status] ?? 0,
});

export const liError = (
  status: number,
  message: string,
  headers?: Record<string, string>,
  serviceErrorCode?: number,
): ApiResponse => jsonResponse(status, liErrorBody(status, message, serviceErrorCode), headers);

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Invalid access token',
  403: 'Not enough permissions to access this resource',
  404: 'Not found',
  409: 'Conflict',
  422: 'Unprocessable entity',
  429: 'Resource level throttle limit for calls to this resource is reached.',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** The body an injected failure answers with when the test gave none. */
export const liDefaultErrorBody = (status: number) =>
  liErrorBody(status, DEFAULT_MESSAGES[status] ?? `Request failed with status ${status}`);

/**
 * OAuth 2.0's error format, as LinkedIn's `/oauth/v2/accessToken` answers:
 * `{"error": "<code>", "error_description": "<sentence>"}`.
 */
export const oauthError = (
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): ApiResponse => jsonResponse(status, { error, error_description: description }, headers);

const OAUTH_DEFAULT_ERRORS: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_client',
  429: 'temporarily_unavailable',
  503: 'temporarily_unavailable',
};

/** An injected failure's default body on the OAuth routes. */
export const oauthDefaultErrorBody = (status: number) => ({
  error: OAUTH_DEFAULT_ERRORS[status] ?? 'server_error',
  error_description: DEFAULT_MESSAGES[status] ?? `Request failed with status ${status}`,
});
