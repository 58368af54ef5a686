export { deliverPush, type PushPayload } from './push-deliver.ts';
export { type NotifiedStep, type PushJob, queueNotificationPushes } from './push-queue.ts';
export { type PushRequest, sendPushRequest } from './push-request.ts';
export { pushJobHandler } from './push-worker.ts';
export { ensureVapidKeys, pushSubject, type VapidKeys } from './vapid-keys.ts';
