import { ErrorBody, ErrorDetail } from '@crmflow/contracts';
import type { z } from 'zod';
import { currentLocale } from '../i18n/index.ts';

/** An error answered by the API (`{ error: { code, message, details } }`), or `network` when none came. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; details?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }

  /**
   * Field errors of a 400, keyed by the record field they name. Paths such as `data.code` or
   * `lines.0.quantity` are reduced to the field key so the form can show them beside the control.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const item of this.details) {
      const parsed = ErrorDetail.safeParse(item);
      if (!parsed.success) continue;
      const key = fieldKeyOf(parsed.data.field);
      out[key] = out[key] ? `${out[key]} ${parsed.data.message}` : parsed.data.message;
    }
    return out;
  }
}

function fieldKeyOf(path: string): string {
  const parts = path.split(/[.[\]]/).filter(Boolean);
  const start = parts[0] === 'data' && parts.length > 1 ? 1 : 0;
  return parts[start] ?? path;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** What to do when a signed-in call answers 401 (the session expired): the app sends the user to /login. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | undefined | null;

export interface ApiCall {
  path: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiRequest<S extends z.ZodType> extends ApiCall {
  /** Parses the response body, so a contract drift fails loudly here rather than deep in a component. */
  schema: S;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function apiRequest<S extends z.ZodType>(request: ApiRequest<S>): Promise<z.infer<S>> {
  return request.schema.parse(await send(request));
}

/** A call whose answer has no body worth reading (204). */
export async function apiSend(request: ApiCall): Promise<void> {
  await send(request);
}

async function send(request: ApiCall): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(request.path, request.query), {
      method: request.method ?? 'GET',
      credentials: 'include',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network', message: 'Network error' });
  }
  const payload: unknown = await readJson(response);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(payload);
    const error = parsed.success
      ? new ApiError({ status: response.status, ...parsed.data.error })
      : new ApiError({
          status: response.status,
          code: codeForStatus(response.status),
          message: response.statusText,
        });
    if (response.status === 401 && !request.path.startsWith('/api/auth/')) onUnauthorized();
    throw error;
  }
  return payload;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function codeForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 502 && status <= 504) return 'network';
  return 'generic';
}
