export * from './executor.ts';
export { type MergeContext, mergeContext } from './merge-context.ts';
export {
  insertNotifications,
  NOTIFICATION_CHANNEL,
  type NotificationAnnouncement,
  type NotificationDraft,
} from './notifications.ts';
export { executors } from './registry.ts';
export { applyOnce, type EffectKey } from './run-effects.ts';
export { type Recipient, resolveUserRecipients } from './user-recipients.ts';
export { workflowWrite } from './workflow-write.ts';
