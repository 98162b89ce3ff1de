/**
 * The renderer's one way to the app: `call(channel, input)` over the preload's
 * `window.tsp.invoke`. The router answers with a value (`{ ok, data }` or `{ ok: false,
 * error }`); a refusal becomes an `ApiCallError` carrying the code, the message key for
 * the catalogs and one problem per bad field.
 */
import type { ApiError, ApiInputs, ApiOutputs, ApiResponse, Channel } from '../shared/api.ts';
import type { FieldProblem } from '../shared/api-schemas.ts';

declare global {
  interface Window {
    /** Exposed by electron/preload.cts (or the Chromium shell standing in for it). */
    tsp: { invoke(channel: string, payload: unknown): Promise<unknown> };
  }
}

export class ApiCallError extends Error {
  readonly channel: Channel;
  readonly code: ApiError['code'];
  readonly messageKey: string;
  readonly problems: readonly FieldProblem[];

  constructor(channel: Channel, error: ApiError) {
    super(`${channel}: ${error.code} (${error.messageKey})`);
    this.name = 'ApiCallError';
    this.channel = channel;
    this.code = error.code;
    this.messageKey = error.messageKey;
    this.problems = error.problems;
  }
}

function isResponse(value: unknown): value is ApiResponse {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function call<C extends Channel>(channel: C, input: ApiInputs[C]): Promise<ApiOutputs[C]> {
  let response: unknown;
  try {
    response = await window.tsp.invoke(channel, input);
  } catch {
    // The bridge itself failed (the main process is gone): nothing reached a service.
    throw new ApiCallError(channel, { code: 'internal', messageKey: 'error.internal', problems: [] });
  }
  if (!isResponse(response)) throw new ApiCallError(channel, { code: 'internal', messageKey: 'error.internal', problems: [] });
  if (!response.ok) throw new ApiCallError(channel, response.error);
  return response.data as ApiOutputs[C];
}

/** Any failure as an ApiCallError, so the screens render one kind of error. */
export function asApiError(channel: Channel, error: unknown): ApiCallError {
  return error instanceof ApiCallError ? error : new ApiCallError(channel, { code: 'internal', messageKey: 'error.internal', problems: [] });
}
