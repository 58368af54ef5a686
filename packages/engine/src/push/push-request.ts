import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from '@crmflow/flow/messaging';
import { recordedBody, resultOfHttpStatus } from '../providers/http-response.ts';
import { type DeliveryResult, deliveryFailure } from '../providers/provider-types.ts';
import { failureOf, guardedLookup, TimeoutError } from '../providers/webhook.provider.ts';

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
 * Sends one push request through the outbound address check every channel that connects out
 * goes through (the webhook sender's: private, loopback and link-local addresses refused, in
 * the socket's own DNS lookup and for address literals, no redirect followed). This is the one
 * place push talks to the network: switching push to another guard is a change here only.
 * Push services speak https; plain http only where private networks are allowed.
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
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) && !request.allowPrivate && isPrivateAddress(host)) {
    return deliveryFailure({
      code: 'private_address',
      error: `${host} is a private address`,
      retryable: false,
    });
  }
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<DeliveryResult>((resolve) => {
    const req = send(
      url,
      { method: request.method, headers, agent: false, lookup: guardedLookup(request.allowPrivate) },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
          resolve(resultOfHttpStatus(res.statusCode ?? 0, recordedBody(text)));
        });
        res.on('error', (error) => resolve(failureOf(error)));
      },
    );
    const timer = setTimeout(() => req.destroy(new TimeoutError()), request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    req.on('error', (error) => {
      clearTimeout(timer);
      resolve(failureOf(error));
    });
    req.end(request.body ?? undefined);
  });
}
