import { createHmac } from 'node:crypto';
import { recordedBody, resultOfHttpStatus } from './http-response.ts';
import { guardedRequest, requestFailure, serverAllowsPrivateNetwork } from './outbound-guard.ts';
import type { DeliveryResult } from './provider-types.ts';

/**
 * One request to an HTTP service of ours to talk to (SMS/ZNS gateway, work app): JSON, the key in
 * `X-Api-Key`, and `X-Signature: sha256=<hex HMAC of "<timestamp>.<body>" with the API secret>`
 * beside `X-Timestamp` (the body is empty for a GET), so the secret never travels.
 * `Idempotency-Key` lets the service drop a repeat of a request it already accepted. It goes through
 * the outbound guard, so redirects are not followed and private addresses need the organization's leave. The answer is a delivery result: `response` holds the status and the body.
 */
export async function signedRequest(input: {
  baseUrl: string;
  timeoutMs: number;
  credentials: { apiKey: string; apiSecret: string };
  method: 'GET' | 'POST';
  path: string;
  idempotencyKey?: string;
  body?: unknown;
  /** The organization allows private and loopback addresses (or the server does, for every one). */
  allowPrivate?: boolean;
}): Promise<DeliveryResult> {
  const json = input.body === undefined ? '' : JSON.stringify(input.body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', input.credentials.apiSecret)
    .update(`${timestamp}.${json}`)
    .digest('hex');
  try {
    const response = await guardedRequest({
      url: new URL(`${input.baseUrl.replace(/\/+$/, '')}${input.path}`),
      method: input.method,
      allowPrivate: input.allowPrivate === true || serverAllowsPrivateNetwork(),
      timeoutMs: input.timeoutMs,
      headers: {
        ...(json
          ? {
              'content-type': 'application/json; charset=utf-8',
              'content-length': String(Buffer.byteLength(json)),
            }
          : {}),
        accept: 'application/json',
        'x-api-key': input.credentials.apiKey,
        'x-timestamp': timestamp,
        'x-signature': `sha256=${signature}`,
        ...(input.idempotencyKey ? { 'idempotency-key': input.idempotencyKey } : {}),
      },
      ...(json ? { body: json } : {}),
    });
    return resultOfHttpStatus(response.status, recordedBody(response.body));
  } catch (error) {
    return requestFailure(error, 'The service did not finish answering in time');
  }
}
