import type { DeviceSubscription, PushDevice } from '@crmflow/contracts';
import { type Db, pushSubscriptions } from '@crmflow/db';
import { type PlainCode, render } from '@crmflow/flow';
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';

type Owner = { db: Db; orgId: string; userId: string };
type DeviceRow = typeof pushSubscriptions.$inferSelect;

const toDevice = (row: DeviceRow): PushDevice => ({
  id: row.id,
  label: row.label,
  endpoint: row.endpoint,
  createdAt: row.createdAt.toISOString(),
  lastPushedAt: row.lastPushedAt?.toISOString() ?? null,
});

const invalid = (field: string, locale: Locale, code: PlainCode) =>
  new AppError('invalid_input', { details: [{ field, message: render(locale, code) }] });

/**
 * Refuses what no push service would accept before it is stored: the device key must be an
 * uncompressed P-256 point (65 bytes, 0x04 first), the auth secret 16 bytes, and the endpoint
 * https — plain http only where the organization allows private networks (tests, on-premise).
 */
export function checkSubscription(args: {
  subscription: DeviceSubscription;
  allowPrivate: boolean;
  locale: Locale;
}): void {
  const { subscription, allowPrivate, locale } = args;
  const protocol = new URL(subscription.endpoint).protocol;
  if (protocol !== 'https:' && !(allowPrivate && protocol === 'http:'))
    throw invalid('endpoint', locale, 'request.push_endpoint');
  const point = Buffer.from(subscription.keys.p256dh, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw invalid('keys.p256dh', locale, 'request.push_device_key');
  if (Buffer.from(subscription.keys.auth, 'base64url').length !== 16)
    throw invalid('keys.auth', locale, 'request.push_auth_secret');
}

export async function listDevices(owner: Owner): Promise<PushDevice[]> {
  const rows = await owner.db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.orgId, owner.orgId), eq(pushSubscriptions.userId, owner.userId)))
    .orderBy(desc(pushSubscriptions.createdAt));
  return rows.map(toDevice);
}

/**
 * Stores a device for the signed-in user. The endpoint is the device: enabling push again on a
 * browser (by this or another user) updates its keys and owner instead of adding a second one.
 */
export async function saveDevice(owner: Owner & { subscription: DeviceSubscription }): Promise<PushDevice> {
  const { subscription } = owner;
  const values = {
    orgId: owner.orgId,
    userId: owner.userId,
    p256dh: subscription.keys.p256dh,
    auth: subscription.keys.auth,
    label: subscription.label,
  };
  const [row] = await owner.db
    .insert(pushSubscriptions)
    .values({ ...values, endpoint: subscription.endpoint })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
    .returning();
  if (!row) throw new Error('The push subscription was not stored');
  return toDevice(row);
}

/** Removes one of the signed-in user's devices; anybody else's is a 404. */
export async function removeDevice(owner: Owner & { id: string }): Promise<void> {
  const deleted = await owner.db
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.id, owner.id),
        eq(pushSubscriptions.orgId, owner.orgId),
        eq(pushSubscriptions.userId, owner.userId),
      ),
    )
    .returning({ id: pushSubscriptions.id });
  if (deleted.length === 0) throw new AppError('not_found');
}
