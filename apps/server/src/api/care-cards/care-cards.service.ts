import type { CareCard, CareCardQuery } from '@crmflow/contracts';
import { careCards, type Db, records, type UserRole, users } from '@crmflow/db';
import { and, asc, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from '../../errors/app-error.ts';

type Viewer = { id: string; role: UserRole };

/**
 * Whose cards the caller may list: admins and managers anybody's in the organization (all when
 * no owner is asked), members only their own — asking for somebody else's is refused.
 */
export function ownerScope(viewer: Viewer, owner: CareCardQuery['owner']): string | null {
  const asked = owner === 'me' ? viewer.id : owner;
  if (viewer.role !== 'member') return asked ?? null;
  if (asked && asked !== viewer.id) throw new AppError('forbidden');
  return viewer.id;
}

/** Care cards of the organization by care date (cards without one last), with their order, product and owner. */
export async function listCareCards(args: {
  db: Db;
  orgId: string;
  viewer: Viewer;
  query: CareCardQuery;
}): Promise<CareCard[]> {
  const { db, orgId, query } = args;
  const order = alias(records, 'care_order');
  const product = alias(records, 'care_product');
  const owner = ownerScope(args.viewer, query.owner);
  const conditions: SQL[] = [eq(careCards.orgId, orgId)];
  if (owner) conditions.push(eq(careCards.ownerId, owner));
  if (query.from) conditions.push(gte(careCards.careDate, query.from));
  if (query.to) conditions.push(lte(careCards.careDate, query.to));
  const rows = await db
    .select({
      card: careCards,
      orderCode: sql<string | null>`${order.data} ->> 'code'`,
      productName: sql<string | null>`${product.data} ->> 'name'`,
      ownerName: users.name,
    })
    .from(careCards)
    .leftJoin(order, and(eq(order.id, careCards.orderId), eq(order.orgId, orgId)))
    .leftJoin(product, and(eq(product.id, careCards.productId), eq(product.orgId, orgId)))
    .leftJoin(users, and(eq(users.id, careCards.ownerId), eq(users.orgId, orgId)))
    .where(and(...conditions, isNull(order.deletedAt)))
    .orderBy(sql`${careCards.careDate} asc nulls last`, asc(careCards.createdAt))
    .limit(query.limit);
  return rows.map(({ card, orderCode, productName, ownerName }) => ({
    id: card.id,
    orderId: card.orderId,
    orderCode,
    productId: card.productId,
    productName,
    category: card.category,
    ownerId: card.ownerId,
    ownerName,
    careDate: card.careDate,
    layout: card.layout,
    fields: card.fields,
    createdAt: card.createdAt.toISOString(),
  }));
}
