import { recordedBody, resultOfHttpStatus } from '../providers/http-response.ts';
import { guardedRequest, requestFailure } from '../providers/outbound-guard.ts';
import { type DeliveryResult, deliveryFailure } from '../providers/provider-types.ts';
/** One request to a push service, as web-push's `generateRequestDetails` builds it. */
export type PushRequest = {
  endpoint: string;
  method: string;
  headers: Record<string, string | number>;
  body: Buffer | null;
  /** The organization allows private and loopback addresses (on-premise push relays, tests). */
  allowPrivate: boolean;
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 4_000;

/**
 * Sends one push request through the outbound guard every channel that connects out goes through
 * (private, loopback, link-local and metadata addresses refused in every spelling, the connected
 * address checked, no redirect followed). Push services speak https; plain http only where private
 * networks are allowed.
 */
export async function sendPushRequest(request: PushRequest): Promise<DeliveryResult> {
  let url: URL;
  try {
    url = new URL(request.endpoint);
  } catch {
    return deliveryFailure({ code: 'invalid_url', error: 'Not a URL', retryable: false });
  }
  const plainHttpAllowed = request.allowPrivate && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !plainHttpAllowed) {
    return deliveryFailure({ code: 'invalid_url', error: `Only https: ${url.protocol}`, retryable: false });
  }
  try {
    const response = await guardedRequest({
      url,
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
      ...(request.body ? { body: request.body } : {}),
      allowPrivate: request.allowPrivate,
      timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    });
    return resultOfHttpStatus(response.status, recordedBody(response.body));
  } catch (error) {
    return requestFailure(error, 'The push service did not finish answering in time');
  }
}
