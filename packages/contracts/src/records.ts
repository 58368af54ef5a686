import { ModuleKey } from '@crmflow/flow';
import { z } from 'zod';
import { ErrorBody } from './common.ts';

/** Field values by field key; values follow the field types (see the contract). */
export const RecordData = z.record(z.string(), z.unknown()).describe('Field values by field key');
export type RecordData = z.infer<typeof RecordData>;

/** A record as the API serves it; values in `data` follow the field types (see the contract). */
export const RecordView = z
  .object({
    id: z.uuid(),
    module: ModuleKey,
    title: z.string().describe('The value of the module’s title field'),
    data: z.record(z.string(), z.unknown()),
    ownerId: z.uuid().nullable(),
    externalId: z.string().nullable().describe('Id in the system the record was imported from'),
    version: z.number().int().describe('Send it back with an edit to refuse stale writes (409)'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    createdBy: z.uuid().nullable(),
    updatedBy: z.uuid().nullable(),
  })
  .describe('A record');
export type RecordView = z.infer<typeof RecordView>;

export const RelatedRecord = z.object({ id: z.uuid(), title: z.string() }).nullable();
export type RelatedRecord = z.infer<typeof RelatedRecord>;

export const RecordWithRelated = RecordView.extend({
  related: z
    .record(z.string(), RelatedRecord)
    .describe(
      'For each reference and user field: the record or user it points at, with its title; null if gone',
    ),
}).describe('A record with the titles of what it points at');
export type RecordWithRelated = z.infer<typeof RecordWithRelated>;

export const RecordAttachment = z
  .object({
    id: z.uuid(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    url: z.string().describe('Download it with the same session or token'),
  })
  .describe('A file kept with the record (e.g. the print template a task was created with)');
export type RecordAttachment = z.infer<typeof RecordAttachment>;

/** `GET /records/:module/:id`. */
export const RecordDetail = RecordWithRelated.extend({ attachments: z.array(RecordAttachment) }).describe(
  'A record with the titles of what it points at and the files kept with it',
);
export type RecordDetail = z.infer<typeof RecordDetail>;

/** `GET /records/:module`. */
export const RecordListQuery = z.looseObject({
  q: z.string().trim().max(200).optional().describe('Search the text fields, ignoring case and accents'),
  sort: z.string().max(60).optional().describe('A field key, `createdAt` or `updatedAt` (default)'),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const RecordPage = z
  .object({
    items: z.array(RecordWithRelated),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .describe('One page of records');
export type RecordPage = z.infer<typeof RecordPage>;

export const CreateRecordBody = z.object({ data: RecordData });

export const UpdateRecordBody = z.object({ data: RecordData, version: z.number().int().min(1).optional() });

export const ImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    failed: z.array(z.object({ index: z.number().int(), error: ErrorBody.shape.error })),
  })
  .describe('What happened to the rows');

const Owner = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const OrderCareCard = z
  .object({
    id: z.uuid(),
    owner: Owner,
    careDate: z.string().nullable().describe('yyyy-MM-dd, in the organization’s calendar'),
    layout: z.string().describe('The key of the card’s layout (see the care-card layouts)'),
    fields: z.record(z.string(), z.unknown()).describe('The extra fields, by the layout’s field keys'),
    productId: z.uuid().nullable(),
    category: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .describe('A care card made for the order');

export const OrderRevenueEntry = z
  .object({
    id: z.uuid(),
    kind: z.enum(['proposed', 'recorded']),
    amount: z.string().describe('A decimal, in the organization’s currency'),
    owner: Owner,
    createdAt: z.iso.datetime(),
  })
  .describe('A revenue entry of the order: proposed, then recorded');

export const OrderActivity = z
  .object({
    careCards: z.array(OrderCareCard),
    revenue: z.array(OrderRevenueEntry),
  })
  .describe('The care cards and revenue entries of the order, oldest first');
export type OrderActivity = z.infer<typeof OrderActivity>;
