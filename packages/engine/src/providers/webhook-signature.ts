import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signing, the receiver's side of the contract: `X-Crmflow-Timestamp` is Unix seconds,
 * `X-Crmflow-Signature` is `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the
 * shared secret. Binding the timestamp stops a captured request from being replayed later.
 */
export function signWebhook(input: { secret: string; timestamp: string; body: string }): string {
  return `sha256=${createHmac('sha256', input.secret).update(`${input.timestamp}.${input.body}`).digest('hex')}`;
}

export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string;
  body: string;
  signature: string;
  toleranceSeconds?: number;
  now?: Date;
}): boolean {
  const sentAt = Number(input.timestamp);
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (!/^\d+$/.test(input.timestamp) || Math.abs(now - sentAt) > (input.toleranceSeconds ?? 300))
    return false;
  const expected = Buffer.from(signWebhook(input));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
