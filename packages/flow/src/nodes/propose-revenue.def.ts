import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { ActionName } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';

/**
 * Revenue entries of an order. Proposing comes first; recording takes only what was proposed,
 * and neither happens twice for one order (the engine's ledger, not the config, ensures it).
 */
export const RevenueConfig = z.object({ name: ActionName });
export type RevenueConfig = z.infer<typeof RevenueConfig>;

export const proposeRevenueNode = defineNode({
  type: 'propose_revenue',
  category: 'action',
  labelVi: 'Đề nghị ghi doanh số',
  labelEn: 'Propose revenue',
  descriptionVi: 'Tự động đề nghị ghi doanh số cho đơn hàng.',
  descriptionEn: 'Proposes the order for revenue recording.',
  icon: 'file-plus',
  modules: ['order'],
  kinds: ['event'],
  configSchema: RevenueConfig,
  version: 1,
  form: { widgets: [nameWidget, { widget: 'note', text: 'form.revenue.propose' }] },
  labels: { name: text('label.step_name') },
  defaults: (): RevenueConfig => ({ name: 'Đề nghị ghi doanh số' }),
  summary: ({ locale }) => render(locale, 'summary.propose_revenue'),
  mergeFieldTexts: () => [],
});
