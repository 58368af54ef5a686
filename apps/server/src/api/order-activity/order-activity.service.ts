import type { OrderActivity } from '@crmflow/contracts';
import { careCards, type Db, revenueEntries, users } from '@crmflow/db';
import { and, asc, eq } from 'drizzle-orm';
import { findRecord } from '../records/records.service.ts';

/** The care cards and revenue entries the organization's flows made for one order, oldest first. */
export async function orderActivity(args: {
  db: Db;
  orgId: string;
  orderId: string;
}): Promise<OrderActivity> {
  const { db, orgId, orderId } = args;
  await findRecord({ db, orgId, module: 'order', id: orderId });
  const cards = await db
    .select({ card: careCards, ownerName: users.name })
    .from(careCards)
    .leftJoin(users, and(eq(users.id, careCards.ownerId), eq(users.orgId, orgId)))
    .where(and(eq(careCards.orgId, orgId), eq(careCards.orderId, orderId)))
    .orderBy(asc(careCards.careDate), asc(careCards.createdAt), asc(careCards.id));
  const entries = await db
    .select({ entry: revenueEntries, ownerName: users.name })
    .from(revenueEntries)
    .leftJoin(users, and(eq(users.id, revenueEntries.ownerId), eq(users.orgId, orgId)))
    .where(and(eq(revenueEntries.orgId, orgId), eq(revenueEntries.orderId, orderId)))
    .orderBy(asc(revenueEntries.createdAt), asc(revenueEntries.id));
  const ownerOf = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);
  return {
    careCards: cards.map(({ card, ownerName }) => ({
      id: card.id,
      owner: ownerOf(card.ownerId, ownerName),
      careDate: card.careDate,
      layout: card.layout,
      fields: card.fields,
      productId: card.productId,
      category: card.category,
      createdAt: card.createdAt.toISOString(),
    })),
    revenue: entries.map(({ entry, ownerName }) => ({
      id: entry.id,
      kind: entry.kind,
      amount: entry.amount,
      owner: ownerOf(entry.ownerId, ownerName),
      createdAt: entry.createdAt.toISOString(),
    })),
  };
}
