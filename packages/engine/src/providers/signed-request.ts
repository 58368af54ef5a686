import { createHmac } from 'node:crypto';
import { recordedBody, resultOfHttpStatus } from './http-response.ts';
import { type DeliveryResult, deliveryFailure } from './provider-types.ts';

/**
 * One request to an HTTP service of ours to talk to (SMS/ZNS gateway, work app): JSON, the key in
 * `X-Api-Key`, and `X-Signature: sha256=<hex HMAC of "<timestamp>.<body>" with the API secret>`
 * beside `X-Timestamp` (the body is empty for a GET), so the secret never travels.
 * `Idempotency-Key` lets the service drop a repeat of a request it already accepted. Redirects are
 * not followed. The answer is a delivery result: `response` holds the status and the body.
 */
export async function signedRequest(input: {
  baseUrl: string;
  timeoutMs: number;
  credentials: { apiKey: string; apiSecret: string };
  method: 'GET' | 'POST';
  path: string;
  idempotencyKey?: string;
  body?: unknown;
}): Promise<DeliveryResult> {
  const json = input.body === undefined ? '' : JSON.stringify(input.body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', input.credentials.apiSecret)
    .update(`${timestamp}.${json}`)
    .digest('hex');
  const url = `${input.baseUrl.replace(/\/+$/, '')}${input.path}`;
  try {
    const response = await fetch(url, {
      method: input.method,
      redirect: 'manual',
      signal: AbortSignal.timeout(input.timeoutMs),
      headers: {
        ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        accept: 'application/json',
        'x-api-key': input.credentials.apiKey,
        'x-timestamp': timestamp,
        'x-signature': `sha256=${signature}`,
        ...(input.idempotencyKey ? { 'idempotency-key': input.idempotencyKey } : {}),
      },
      ...(json ? { body: json } : {}),
    });
    return resultOfHttpStatus(response.status, recordedBody(await response.text()));
  } catch (error) {
    return networkFailure(error);
  }
}

function networkFailure(error: unknown): DeliveryResult {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return deliveryFailure({ code: 'timeout', error: 'The service did not answer in time', retryable: true });
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const message = error instanceof Error ? error.message : String(error);
  return deliveryFailure({
    code: 'network',
    error: cause ? `${message}: ${cause}` : message,
    retryable: true,
  });
}
