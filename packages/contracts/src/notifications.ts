import { z } from 'zod';

/** In-app notifications (Thông báo), their live stream, and Web Push devices. */

export const AppNotification = z
  .object({
    id: z.uuid(),
    message: z.string(),
    link: z.string().nullable().describe('Where the notification leads in the app, e.g. the record'),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .describe('An in-app notification (Thông báo) for the signed-in user');
export type AppNotification = z.infer<typeof AppNotification>;

/** `GET /notifications`. */
export const NotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('`true`: only unread ones'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const NotificationList = z
  .object({ items: z.array(AppNotification), unread: z.number().int() })
  .describe('Notifications');
export type NotificationList = z.infer<typeof NotificationList>;

/** `POST /notifications/read-all`. */
export const AllNotificationsRead = z
  .object({ updated: z.number().int(), unread: z.literal(0) })
  .describe('How many were unread');

/** The `unread` event of `GET /notifications/stream`: the count whenever it changes. */
export const UnreadCount = z.object({ unread: z.number().int() }).describe('How many are unread');
export type UnreadCount = z.infer<typeof UnreadCount>;

export const VapidPublicKey = z
  .object({ publicKey: z.string() })
  .describe('The server’s VAPID public key (base64url)');

/** What the browser's `PushSubscription.toJSON()` gives, plus a name for the device. */
export const DeviceSubscription = z.object({
  endpoint: z.url().max(2000),
  keys: z.object({
    p256dh: z
      .string()
      .regex(/^[A-Za-z0-9_-]+=*$/)
      .max(200),
    auth: z
      .string()
      .regex(/^[A-Za-z0-9_-]+=*$/)
      .max(100),
  }),
  label: z.string().trim().max(200).default(''),
});
export type DeviceSubscription = z.infer<typeof DeviceSubscription>;

export const PushDevice = z
  .object({
    id: z.uuid(),
    label: z.string(),
    endpoint: z
      .string()
      .describe('The device’s address at its push service; the SPA finds "this device" by it'),
    createdAt: z.iso.datetime(),
    lastPushedAt: z.iso.datetime().nullable(),
  })
  .describe('A device of the signed-in user with push on');
export type PushDevice = z.infer<typeof PushDevice>;

export const PushDeviceList = z
  .object({ items: z.array(PushDevice) })
  .describe('The caller’s devices with push on');
export type PushDeviceList = z.infer<typeof PushDeviceList>;
