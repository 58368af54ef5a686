import { recordedBody, resultOfHttpStatus } from './http-response.ts';
import { guardedRequest, requestFailure, serverAllowsPrivateNetwork } from './outbound-guard.ts';
import {
  type DeliveryResult,
  deliveryFailure,
  type WebhookRequest,
  type WebhookSender,
} from './provider-types.ts';
import { signWebhook } from './webhook-signature.ts';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Signed JSON POSTs to URLs that flows name (the `webhook` action, task sync to work apps). */
export function httpWebhookSender(): WebhookSender {
  return { post: postWebhook };
}

export async function postWebhook(request: WebhookRequest): Promise<DeliveryResult> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return deliveryFailure({ code: 'invalid_url', error: `Not a URL: ${request.url}`, retryable: false });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return deliveryFailure({
      code: 'invalid_url',
      error: `Only http and https: ${url.protocol}`,
      retryable: false,
    });
  }
  const allowPrivate = request.allowPrivate === true || serverAllowsPrivateNetwork();
  const body = JSON.stringify(request.body ?? null);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'crmflow-webhook/1',
    'x-crmflow-timestamp': timestamp,
    'x-crmflow-signature': signWebhook({ secret: request.secret, timestamp, body }),
  };
  if (request.idempotencyKey) headers['x-crmflow-delivery'] = request.idempotencyKey;

  try {
    const response = await guardedRequest({
      url,
      method: 'POST',
      headers,
      body,
      allowPrivate,
      timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return resultOfHttpStatus(response.status, recordedBody(response.body));
  } catch (error) {
    return requestFailure(error, 'The receiver did not finish answering in time');
  }
}
