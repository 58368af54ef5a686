import { RevenueConfig, text } from '@crmflow/flow';
import { defineExecutor, stepFailure } from './executor.ts';
import { findRevenueEntry, writeRevenue } from './revenue-entries.ts';
import { recordWriteFailure } from './workflow-write.ts';

const notProposed = text('step.not_proposed');

/** Ghi doanh số: records exactly what was proposed for the order, once per order. */
export const recordRevenueExecutor = defineExecutor({
  schema: RevenueConfig,
  async run(ctx) {
    const proposed = await findRevenueEntry({
      db: ctx.db,
      orgId: ctx.org.id,
      orderId: ctx.record.id,
      kind: 'proposed',
    });
    if (!proposed) return stepFailure({ scope: ctx, code: 'revenue_not_proposed', text: notProposed });
    try {
      const { created, amount } = await writeRevenue({ ctx, kind: 'recorded', amount: proposed.amount });
      return { status: 'succeeded', output: { kind: 'recorded', amount, created } };
    } catch (error) {
      return recordWriteFailure(ctx, error);
    }
  },
  async preview(ctx) {
    const proposed = await findRevenueEntry({
      db: ctx.db,
      orgId: ctx.org.id,
      orderId: ctx.record.id,
      kind: 'proposed',
    });
    if (!proposed) return { status: 'error', reason: notProposed[ctx.org.locale] };
    return {
      status: 'would_run',
      reason:
        ctx.org.locale === 'en'
          ? `Would record ${proposed.amount} as revenue`
          : `Sẽ ghi doanh số ${proposed.amount}`,
      preview: { kind: 'recorded', amount: proposed.amount },
    };
  },
});
