import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { fieldLabelByKey } from '../metadata/field-lookup.ts';
import { checkFieldRef } from './checks/field-checks.ts';
import { ActionName, FieldKey } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';
import { countText, daysText } from './summary-text.ts';

/**
 * Waits, then goes on: for a while, or until a date of the record (moved by `offsetDays`).
 * The engine re-checks the flow's condition when the wait is over.
 */
export const DelayConfig = z.discriminatedUnion('mode', [
  z.object({
    name: ActionName,
    mode: z.literal('duration'),
    amount: z.number().int().min(1).max(10_000),
    unit: z.enum(['minutes', 'hours', 'days']),
  }),
  z.object({
    name: ActionName,
    mode: z.literal('until_field'),
    field: FieldKey,
    offsetDays: z.number().int().min(-366).max(366).default(0),
  }),
]);
export type DelayConfig = z.infer<typeof DelayConfig>;

const units = { minutes: 'summary.minutes', hours: 'summary.hours', days: 'summary.days' } as const;

export const delayNode = defineNode({
  type: 'delay',
  category: 'action',
  labelVi: 'Chờ',
  labelEn: 'Wait',
  descriptionVi: 'Chờ một khoảng thời gian hoặc tới một ngày của bản ghi rồi mới làm tiếp.',
  descriptionEn: 'Waits for a while, or until a date of the record, before going on.',
  icon: 'hourglass',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: DelayConfig,
  version: 1,
  form: {
    widgets: [
      nameWidget,
      {
        widget: 'variant',
        key: 'mode',
        label: 'form.delay.mode',
        choices: [
          { value: 'duration', label: 'form.delay.duration' },
          { value: 'until_field', label: 'form.delay.until_field' },
        ],
        variants: { duration: { amount: 1, unit: 'days' }, until_field: { field: '', offsetDays: 0 } },
      },
      {
        widget: 'row',
        when: { mode: 'duration' },
        widgets: [
          { widget: 'number', key: 'amount', label: 'form.delay.amount', min: 1, max: 10_000 },
          {
            widget: 'select',
            key: 'unit',
            label: 'form.delay.unit',
            choices: [
              { value: 'minutes', label: 'form.delay.minutes' },
              { value: 'hours', label: 'form.delay.hours' },
              { value: 'days', label: 'form.delay.days' },
            ],
          },
        ],
      },
      {
        widget: 'row',
        when: { mode: 'until_field' },
        widgets: [
          {
            widget: 'field',
            key: 'field',
            label: 'form.delay.field',
            types: ['date', 'datetime'],
            pickFirst: true,
          },
          { widget: 'number', key: 'offsetDays', label: 'form.delay.offset', min: -366, max: 366 },
        ],
      },
    ],
  },
  labels: {
    name: text('label.step_name'),
    mode: { ...text('label.delay.mode'), pick: true },
    amount: text('label.delay.amount'),
    unit: { ...text('label.delay.unit'), pick: true },
    field: { ...text('label.delay.field'), pick: true },
    offsetDays: text('label.offset_days'),
  },
  defaults: (): DelayConfig => ({ name: 'Chờ', mode: 'duration', amount: 1, unit: 'days' }),
  summary({ config, module, locale }) {
    if (config.mode === 'duration') {
      const duration = countText({ count: config.amount, unit: units[config.unit], locale });
      return render(locale, 'summary.wait', { duration });
    }
    const date = fieldLabelByKey({ module, key: config.field, locale });
    const offset = config.offsetDays;
    const shift = offset === 0 ? '' : `${offset > 0 ? ' +' : ' −'} ${daysText(Math.abs(offset), locale)}`;
    return render(locale, 'summary.wait_until', { date, shift });
  },
  mergeFieldTexts: () => [],
  checkConfig: ({ config, module }) =>
    config.mode === 'until_field'
      ? checkFieldRef({ module, key: config.field, path: ['field'], types: ['date', 'datetime'] }).issues
      : [],
});
