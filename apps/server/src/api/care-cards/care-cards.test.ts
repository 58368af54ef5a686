import { careCards, records } from '@crmflow/db';
import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';

const h = useStaffedHarness();

/** An order with a care card per (owner, care date) given, straight into the tables. */
async function orderWithCards(args: {
  orgId: string;
  code: string;
  cards: [string | null, string | null][];
}) {
  const [order] = await h.database.db
    .insert(records)
    .values({ orgId: args.orgId, module: 'order', data: { code: args.code } })
    .returning();
  const [product] = await h.database.db
    .insert(records)
    .values({ orgId: args.orgId, module: 'product', data: { name: 'Máy lọc nước' } })
    .returning();
  await h.database.db.insert(careCards).values(
    args.cards.map(([ownerId, careDate]) => ({
      orgId: args.orgId,
      orderId: order?.id ?? '',
      productId: product?.id ?? null,
      ownerId,
      careDate,
    })),
  );
}

const codesAndDates = (items: { orderCode: string; careDate: string | null; ownerId: string | null }[]) =>
  items.map((c) => `${c.orderCode} ${c.careDate ?? '-'}`);

describe('care cards', () => {
  it('lists cards by care date, by owner and date range, with order, product and owner names', async () => {
    await orderWithCards({
      orgId: h.org.id,
      code: 'DH-001',
      cards: [
        [h.member.id, '2026-03-10'],
        [h.member.id, '2026-03-02'],
        [h.manager.id, '2026-03-05'],
        [h.member.id, null],
      ],
    });
    const other = await h.addOrganization();
    await orderWithCards({ orgId: other.org.id, code: 'KHAC-1', cards: [[other.admin.id, '2026-03-03']] });

    const all = await h.call('GET', '/api/care-cards');
    expect(all.statusCode).toBe(200);
    expect(codesAndDates(all.json().items)).toEqual([
      'DH-001 2026-03-02',
      'DH-001 2026-03-05',
      'DH-001 2026-03-10',
      'DH-001 -',
    ]);
    expect(all.json().items[0]).toMatchObject({ productName: 'Máy lọc nước', ownerId: h.member.id });
    expect(all.json().items[0].ownerName).toEqual(expect.any(String));

    const week = await h.call('GET', `/api/care-cards?owner=${h.member.id}&from=2026-03-01&to=2026-03-07`);
    expect(codesAndDates(week.json().items)).toEqual(['DH-001 2026-03-02']);
    const managerOwn = await h.call('GET', '/api/care-cards?owner=me', undefined, h.manager.headers);
    expect(codesAndDates(managerOwn.json().items)).toEqual(['DH-001 2026-03-05']);
  });

  it('shows a member only their own cards and refuses to show them anyone else’s', async () => {
    const mine = await h.call('GET', '/api/care-cards', undefined, h.member.headers);
    expect(mine.json().items.length).toBeGreaterThan(0);
    expect(mine.json().items.every((c: { ownerId: string }) => c.ownerId === h.member.id)).toBe(true);
    const theirs = await h.call('GET', `/api/care-cards?owner=${h.manager.id}`, undefined, h.member.headers);
    expect(theirs.statusCode).toBe(403);
  });

  it.each([
    ['from', '?from=10/03/2026'],
    ['to', '?to=2026-13-01'],
    ['owner', '?owner=nguyen-van-a'],
  ])('refuses a bad %s with a 400 naming it', async (field, query) => {
    const res = await h.call('GET', `/api/care-cards${query}`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain(field);
  });
});
