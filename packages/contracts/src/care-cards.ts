import { z } from 'zod';

/** Thẻ chăm sóc: the care cards workflows made, by owner and care date. */

const CareCardDate = z.iso.date().describe('`yyyy-MM-dd`, a calendar date in the organization’s time zone');

/** `GET /care-cards`. */
export const CareCardQuery = z.object({
  owner: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .describe('`me` or a user id; members see only their own cards whatever they ask'),
  from: CareCardDate.optional().describe('Care date on or after'),
  to: CareCardDate.optional().describe('Care date on or before'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type CareCardQuery = z.infer<typeof CareCardQuery>;

export const CareCard = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    orderCode: z.string().nullable(),
    productId: z.uuid().nullable(),
    productName: z.string().nullable(),
    category: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    careDate: z.string().nullable(),
    layout: z.string(),
    fields: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .describe('A care card a workflow made for an order line');
export type CareCard = z.infer<typeof CareCard>;

export const CareCardList = z
  .object({ items: z.array(CareCard) })
  .describe('Cards, earliest care date first');
export type CareCardList = z.infer<typeof CareCardList>;
