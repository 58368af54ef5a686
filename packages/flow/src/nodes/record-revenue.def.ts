import { render, text } from '../messages/catalogue.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';
import { RevenueConfig } from './propose-revenue.def.ts';

export const recordRevenueNode = defineNode({
  type: 'record_revenue',
  category: 'action',
  labelVi: 'Ghi doanh số',
  labelEn: 'Record revenue',
  descriptionVi: 'Tự động ghi doanh số cho đơn hàng đã được đề nghị ghi.',
  descriptionEn: 'Records revenue for an order that was proposed for it.',
  icon: 'badge-dollar-sign',
  modules: ['order'],
  kinds: ['event'],
  configSchema: RevenueConfig,
  version: 1,
  form: { widgets: [nameWidget, { widget: 'note', text: 'form.revenue.record' }] },
  labels: { name: text('label.step_name') },
  defaults: (): RevenueConfig => ({ name: 'Ghi doanh số' }),
  summary: ({ locale }) => render(locale, 'summary.record_revenue'),
  mergeFieldTexts: () => [],
});
