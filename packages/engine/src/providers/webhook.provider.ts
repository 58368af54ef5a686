import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from '@crmflow/flow/messaging';
import { recordedBody, resultOfHttpStatus } from './http-response.ts';
import {
  type DeliveryResult,
  deliveryFailure,
  type WebhookRequest,
  type WebhookSender,
} from './provider-types.ts';
import { signWebhook } from './webhook-signature.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 16_000;

export class PrivateAddressError extends Error {
  override name = 'PrivateAddressError';
}

/**
 * The check runs inside the socket's own DNS lookup, on the addresses it is about to connect
 * to: checking the hostname first and connecting later would let a name re-resolve to an
 * internal address in between. One private address among the answers refuses the lot.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) {
        return callback(new PrivateAddressError(`${hostname} resolves to ${refused.address}`), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), []);
      callback(null, first.address, first.family);
    });
  };
}

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
  const allowPrivate = request.allowPrivate ?? false;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // An address literal skips DNS, and so the lookup guard; check it here.
  if (isIP(host) && !allowPrivate && isPrivateAddress(host)) {
    return deliveryFailure({
      code: 'private_address',
      error: `${host} is a private address`,
      retryable: false,
    });
  }

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

  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<DeliveryResult>((resolve) => {
    const req = send(
      url,
      { method: 'POST', headers, agent: false, lookup: guardedLookup(allowPrivate) },
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
    const timer = setTimeout(() => {
      req.destroy(new TimeoutError());
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      resolve(failureOf(error));
    });
    req.end(body);
  });
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export function failureOf(error: Error): DeliveryResult {
  if (error instanceof PrivateAddressError) {
    return deliveryFailure({ code: 'private_address', error: error.message, retryable: false });
  }
  if (error instanceof TimeoutError) {
    return deliveryFailure({
      code: 'timeout',
      error: 'The receiver did not answer in time',
      retryable: true,
    });
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  // A name that does not exist will not start existing on the next attempt; a flaky resolver may.
  const retryable = code !== 'ENOTFOUND';
  return deliveryFailure({
    code: 'network',
    error: code ? `${code}: ${error.message}` : error.message,
    retryable,
  });
}
