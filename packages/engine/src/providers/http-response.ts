import type { DeliveryResult } from './provider-types.ts';

/** Enough of a provider's answer to explain a failure, small enough for every outbox row. */
const MAX_RECORDED_BODY = 4_000;

export function recordedBody(text: string): unknown {
  const clipped = text.length > MAX_RECORDED_BODY ? `${text.slice(0, MAX_RECORDED_BODY)}…` : text;
  if (clipped !== text) return clipped;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * HTTP status to outcome. 408, 429 and 5xx are the receiver's trouble and may pass; other 4xx
 * mean this request is wrong and will stay wrong. Redirects are not followed: the target was
 * checked, where it points to was not.
 */
export function resultOfHttpStatus(status: number, body: unknown): DeliveryResult {
  const response = { httpStatus: status, body };
  if (status >= 200 && status < 300) return { status: 'sent', response };
  if (status >= 300 && status < 400) {
    return { status: 'failed', code: 'redirect', error: `HTTP ${status}`, retryable: false, response };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { status: 'failed', code: 'provider_error', error: `HTTP ${status}`, retryable: true, response };
  }
  const code = status === 401 || status === 403 ? 'auth' : 'rejected';
  return { status: 'failed', code, error: `HTTP ${status}`, retryable: false, response };
}
