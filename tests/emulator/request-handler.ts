import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleConnectSafely } from './connectsafely/api';
import { csDefaultErrorBody, csError } from './connectsafely/errors';
import { type ControlDeps, handleControl } from './control/api';
import type { EmulatorCore } from './core';
import {
  type ApiResponse,
  BodyTooLargeError,
  buildContext,
  jsonResponse,
  type RequestContext,
  sleep,
  writeResponse,
} from './http';
import { handleLinkedIn } from './linkedin/api';
import { liDefaultErrorBody, liError, oauthDefaultErrorBody, oauthError } from './linkedin/errors';
import { handleOAuth } from './linkedin/oauth';
import { flattenHeaders, loggableBody, queryToRecord } from './request-log';
import { type ApiName, identifyApi, identifyRoute } from './routes';
import type { RouteId } from './types';

type ApiOnly = Exclude<ApiName, 'control'>;

function errorIn(api: ApiOnly, status: number, message: string): ApiResponse {
  if (api === 'connectSafely') return csError(status, message);
  return api === 'oauth' ? oauthError(status, 'server_error', message) : liError(status, message);
}

const DEFAULT_ERROR_BODIES: Record<ApiOnly, (status: number) => unknown> = {
  connectSafely: csDefaultErrorBody,
  linkedin: liDefaultErrorBody,
  oauth: oauthDefaultErrorBody,
};

const HANDLERS: Record<
  ApiOnly,
  (route: RouteId | null, ctx: RequestContext, core: EmulatorCore) => ApiResponse
> = {
  connectSafely: handleConnectSafely,
  linkedin: handleLinkedIn,
  oauth: handleOAuth,
};

/** A queued `failNext` answer for this route, in the format of its API. */
function injectedFailure(api: ApiOnly, route: RouteId, core: EmulatorCore): ApiResponse | null {
  const failure = core.faults.takeFailure(route);
  if (!failure) return null;
  if (failure.status === 0) return { status: 0, drop: true };
  const defaultBody = DEFAULT_ERROR_BODIES[api](failure.status);
  const headers =
    failure.retryAfterSeconds === undefined
      ? undefined
      : { 'Retry-After': String(failure.retryAfterSeconds) };
  return jsonResponse(failure.status, failure.body ?? defaultBody, headers);
}

async function answerApi(
  api: ApiOnly,
  route: RouteId | null,
  ctx: RequestContext,
  core: EmulatorCore,
): Promise<{ response: ApiResponse; injected: boolean }> {
  if (route !== null) {
    const latency = core.faults.latencyFor(route);
    if (latency > 0) await core.faults.hold(route, sleep(latency));
    const failure = injectedFailure(api, route, core);
    if (failure) return { response: failure, injected: true };
  }
  try {
    return { response: HANDLERS[api](route, ctx, core), injected: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { response: errorIn(api, 500, `Emulator error: ${message}`), injected: false };
  }
}

/** The HTTP side of the emulator: CORS preflight, control, then the APIs, each logged. */
export function createRequestHandler(deps: ControlDeps) {
  const { core } = deps;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let ctx: RequestContext;
    try {
      ctx = await buildContext(req);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      writeResponse(res, jsonResponse(tooLarge ? 413 : 400, { error: 'Could not read the body' }));
      return;
    }
    if (ctx.method === 'OPTIONS') {
      writeResponse(res, { status: 204 });
      return;
    }
    const api = identifyApi(ctx.path);
    if (api === 'control') {
      writeResponse(res, await handleControl(ctx, req.socket.remoteAddress, deps));
      return;
    }
    const at = core.now();
    const route = identifyRoute(ctx.method, ctx.path);
    const { response, injected } =
      api === null
        ? { response: jsonResponse(404, { error: 'Not found' }), injected: false }
        : await answerApi(api, route, ctx, core);
    core.log.add({
      route,
      method: ctx.method,
      path: ctx.path,
      query: queryToRecord(ctx.query),
      rawQuery: ctx.rawQuery,
      headers: flattenHeaders(ctx.headers),
      body: loggableBody(ctx.bodyText),
      status: response.drop ? 0 : response.status,
      at,
      injected,
    });
    writeResponse(res, response);
  };
}
