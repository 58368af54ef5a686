import { RevenueConfig, render, toDecimal } from '@crmflow/flow';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { findRevenueEntry, writeRevenue } from './revenue-entries.ts';
import { recordWriteFailure } from './workflow-write.ts';

const orderTotal = (scope: ExecutionScope) => toDecimal(scope.record.data.total) ?? '0';

/** Đề nghị ghi doanh số: the order's total proposed for revenue, once per order. */
export const proposeRevenueExecutor = defineExecutor({
  schema: RevenueConfig,
  async run(ctx) {
    try {
      const { created, amount } = await writeRevenue({ ctx, kind: 'proposed', amount: orderTotal(ctx) });
      return { status: 'succeeded', output: { kind: 'proposed', amount, created } };
    } catch (error) {
      return recordWriteFailure(ctx, error);
    }
  },
  async preview(ctx) {
    const existing = await findRevenueEntry({
      db: ctx.db,
      orgId: ctx.org.id,
      orderId: ctx.record.id,
      kind: 'proposed',
    });
    if (existing) {
      const reason = render(ctx.org.locale, 'step.already_proposed');
      return { status: 'skipped', reason, preview: { amount: existing.amount } };
    }
    const amount = orderTotal(ctx);
    return {
      status: 'would_run',
      reason: render(ctx.org.locale, 'step.would_propose', { amount }),
      preview: { kind: 'proposed', amount },
    };
  },
});
