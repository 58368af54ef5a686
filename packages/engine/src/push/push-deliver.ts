import { type Db, organizations, outbox, pushSubscriptions } from '@crmflow/db';
import { and, eq, sql } from 'drizzle-orm';
import webpush from 'web-push';
import { type DeliverOnceOutcome, deliverOnce } from '../outbox/deliver-once.ts';
import { privateNetworkAllowed } from '../providers/outbound-guard.ts';
import { deliveryFailure } from '../providers/provider-types.ts';
import { sendPushRequest } from './push-request.ts';
import type { VapidKeys } from './vapid-keys.ts';

/** What the service worker receives (decrypted) and shows: see `apps/web/src/sw.ts`. */
export type PushPayload = { title: string; body: string; url: string | null; tag: string };

/** How long a push service keeps a push for a device that is offline. */
const PUSH_TTL_SECONDS = 24 * 3600;
/** The push service no longer knows the device: the subscription ended. */
const GONE_STATUSES = [404, 410];

export type PushDeliveryOutcome = DeliverOnceOutcome['outcome'] | 'missing';

/**
 * Delivers one queued push (an outbox row of channel `push`) through `deliverOnce`: encrypted to
 * the device's keys (RFC 8291, aes128gcm) and signed with the VAPID key (RFC 8292) by web-push,
 * sent by our own HTTP client. Sent once per outbox row, whatever retries or crashes happen; a
 * device its push service says is gone (404/410) is removed.
 */
export async function deliverPush(args: {
  db: Db;
  outboxId: string;
  vapid: VapidKeys;
}): Promise<PushDeliveryOutcome> {
  const { db, vapid } = args;
  const [row] = await db
    .select({ message: outbox, orgName: organizations.name, settings: organizations.settings })
    .from(outbox)
    .innerJoin(organizations, eq(organizations.id, outbox.orgId))
    .where(and(eq(outbox.id, args.outboxId), eq(outbox.channel, 'push')));
  if (!row) return 'missing';
  const { message } = row;
  const subscriptionId = String(message.payload.subscriptionId ?? '');
  const [device] = await db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, subscriptionId), eq(pushSubscriptions.orgId, message.orgId)));
  const payload: PushPayload = {
    title: row.orgName,
    body: message.body ?? '',
    url: typeof message.payload.link === 'string' ? message.payload.link : null,
    tag: String(message.payload.notificationId ?? message.id),
  };
  const delivered = await deliverOnce({
    db,
    orgId: message.orgId,
    idempotencyKey: message.idempotencyKey,
    channel: 'push',
    recipient: message.recipient,
    async send() {
      if (!device)
        return deliveryFailure({
          code: 'invalid_recipient',
          error: 'The device was removed',
          retryable: false,
        });
      const details = webpush.generateRequestDetails(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        JSON.stringify(payload),
        { vapidDetails: vapid, TTL: PUSH_TTL_SECONDS, urgency: 'high' },
      );
      return sendPushRequest({
        endpoint: details.endpoint,
        method: details.method,
        headers: details.headers,
        body: details.body,
        allowPrivate: privateNetworkAllowed(row.settings),
      });
    },
  });
  if (device && delivered.outcome === 'delivered') {
    await db
      .update(pushSubscriptions)
      .set({ lastPushedAt: sql`now()` })
      .where(eq(pushSubscriptions.id, device.id));
  }
  if (device && delivered.outcome === 'failed' && GONE_STATUSES.includes(httpStatusOf(delivered.result))) {
    await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
  }
  return delivered.outcome === 'failed' && delivered.result.retryable ? 'failed' : delivered.outcome;
}

function httpStatusOf(result: { response?: Record<string, unknown> }): number {
  const status = result.response?.httpStatus;
  return typeof status === 'number' ? status : 0;
}
