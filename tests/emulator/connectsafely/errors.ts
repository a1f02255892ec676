import { type ApiResponse, jsonResponse } from '../http';

/** ConnectSafely's error format: `{"error": "<plain sentence>"}`. */
export const csError = (
  status: number,
  message: string,
  headers?: Record<string, string>,
): ApiResponse => jsonResponse(status, { error: message }, headers);

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Reaction failed',
  401: 'Invalid API key',
  403: 'Forbidden',
  404: 'Account not found',
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** The body an injected failure answers with when the test gave none. */
export const csDefaultErrorBody = (status: number): { error: string } => ({
  error: DEFAULT_MESSAGES[status] ?? `Request failed with status ${status}`,
});
