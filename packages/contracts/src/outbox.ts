import { z } from 'zod';

export const OutboxChannel = z.enum(['email', 'sms', 'zns', 'webhook', 'push', 'workapp']);
export type OutboxChannel = z.infer<typeof OutboxChannel>;

export const OutboxStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'captured']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxAttachment = z.object({
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type OutboxAttachment = z.infer<typeof OutboxAttachment>;

export const OutboxMessage = z
  .object({
    id: z.uuid(),
    channel: OutboxChannel,
    recipient: z.string(),
    subject: z.string().nullable(),
    body: z.string().nullable(),
    status: OutboxStatus.describe('`captured`: stored instead of sent (capture providers)'),
    attempts: z.number().int(),
    error: z.string().nullable(),
    runId: z.uuid().nullable(),
    nodeId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    attachments: z.array(OutboxAttachment),
  })
  .describe('A message sent or captured (Hộp thư đi)');
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxMessageDetail = OutboxMessage.extend({
  payload: z
    .record(z.string(), z.unknown())
    .describe('What the channel was given besides subject and body (files are downloaded separately)'),
}).describe('A message with its payload');
export type OutboxMessageDetail = z.infer<typeof OutboxMessageDetail>;

/** `GET /outbox`. */
export const OutboxListQuery = z.object({
  channel: OutboxChannel.optional(),
  status: OutboxStatus.optional(),
  runId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Search recipients and subjects'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const OutboxPage = z
  .object({ items: z.array(OutboxMessage), total: z.number().int() })
  .describe('One page of messages');
export type OutboxPage = z.infer<typeof OutboxPage>;
