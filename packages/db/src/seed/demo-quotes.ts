import type { DemoContext, DemoRecord } from './demo-context.ts';

/** Status and days until the quote runs out, in turn: every third sent quote expires in 3 days. */
const quoteCycle = [
  { status: 'sent', validInDays: 3 },
  { status: 'draft', validInDays: 14 },
  { status: 'accepted', validInDays: 7 },
  { status: 'sent', validInDays: 10 },
  { status: 'rejected', validInDays: -5 },
  { status: 'sent', validInDays: 21 },
] as const;

/** Quotes for the first opportunities, for their account and owner, worth their amount. */
export function demoQuotes(
  context: DemoContext,
  input: { opportunities: readonly DemoRecord[]; count: number },
): DemoRecord[] {
  return input.opportunities.slice(0, input.count).map((opportunity, index) => {
    const { status, validInDays } = quoteCycle[index % quoteCycle.length] ?? quoteCycle[0];
    return {
      id: context.newId(),
      module: 'quote',
      ownerId: opportunity.ownerId,
      data: {
        code: `BG-${String(index + 1).padStart(4, '0')}`,
        account_id: opportunity.data.account_id ?? null,
        opportunity_id: opportunity.id,
        total: opportunity.data.amount ?? 0,
        status,
        valid_until: context.dayFromToday(validInDays),
        owner_id: opportunity.ownerId,
      },
    };
  });
}
