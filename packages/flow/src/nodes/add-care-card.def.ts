import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { findField } from '../metadata/field-lookup.ts';
import type { ConfigIssue } from '../validate/validation-error.ts';
import { careCardLayouts, findCareCardLayout } from './care-card-layouts.ts';
import { checkFieldRef, checkKnownId, checkKnownIds, requiredIssue } from './checks/field-checks.ts';
import { checkValueForField } from './checks/value-checks.ts';
import { ActionName, EntityId, FieldKey } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { daysText } from './summary-text.ts';

/** Whose care card it is: a chosen user, or the order's salesperson (its owner). */
export const CareCardOwner = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('user'), userId: EntityId }),
  z.object({ mode: z.literal('salesperson') }),
]);

/** When to take care: some days after the action runs, or on a date field of the order. */
export const CareDate = z.union([
  z.object({ inDays: z.number().int().min(0).max(3650) }),
  z.object({ field: FieldKey }),
]);

/** Thêm thẻ chăm sóc (orders only): one card per order, per product line or per category. */
export const AddCareCardConfig = z.object({
  name: ActionName,
  per: z.enum(['order', 'product', 'category']).default('order'),
  /** With `per` product or category: every one on the order, or only those chosen. */
  apply: z.enum(['all', 'chosen']).default('all'),
  productIds: z.array(EntityId).default([]),
  categories: z.array(z.string()).default([]),
  owner: CareCardOwner,
  notifyOwner: z.boolean().default(true),
  layout: z.string().max(200).default('default'),
  careDate: CareDate,
  extraFields: z.array(z.object({ key: FieldKey, value: z.string().max(2000) })).default([]),
});
export type AddCareCardConfig = z.infer<typeof AddCareCardConfig>;

const perText = {
  order: text('summary.care_per_order'),
  product: text('summary.care_per_product'),
  category: text('summary.care_per_category'),
};

export const addCareCardNode = defineNode({
  type: 'add_care_card',
  category: 'action',
  labelVi: 'Thêm thẻ chăm sóc',
  labelEn: 'Add care card',
  descriptionVi: 'Tạo thẻ chăm sóc cho đơn hàng, theo đơn, theo hàng hóa hoặc loại hàng hóa.',
  descriptionEn: 'Creates care cards for an order: per order, per product or per product category.',
  icon: 'heart-handshake',
  modules: ['order'],
  kinds: ['event', 'schedule'],
  configSchema: AddCareCardConfig,
  version: 1,
  // Hand-written: the card's extra fields are rows picked among the chosen layout's fields (a layout
  // change drops those it lacks), the products come from the product records, the owner is a shape
  // of its own.
  form: { custom: 'care-card' },
  labels: {
    name: text('label.step_name'),
    per: { ...text('label.care.per'), pick: true },
    apply: { ...text('label.care.apply'), pick: true },
    productIds: { ...text('label.care.products'), pick: true },
    categories: { ...text('label.care.categories'), pick: true },
    owner: { ...text('label.care.owner'), pick: true },
    'owner.userId': { ...text('label.care.owner'), pick: true },
    layout: { ...text('label.care.layout'), pick: true },
    careDate: { ...text('label.care.date'), pick: true },
    'careDate.inDays': text('label.care.in_days'),
    'careDate.field': { ...text('label.care.date_field'), pick: true },
    extraFields: text('label.care.fields'),
    'extraFields.*.key': { ...text('label.care.field'), pick: true },
    'extraFields.*.value': text('label.care.field_value'),
  },
  defaults: (): AddCareCardConfig => ({
    name: 'Thêm thẻ chăm sóc',
    per: 'order',
    apply: 'all',
    productIds: [],
    categories: [],
    owner: { mode: 'salesperson' },
    notifyOwner: true,
    layout: 'default',
    careDate: { inDays: 7 },
    extraFields: [],
  }),
  summary({ config, locale }) {
    const when =
      'inDays' in config.careDate
        ? render(locale, 'summary.care_in', { days: daysText(config.careDate.inDays, locale) })
        : `#${config.careDate.field}`;
    return render(locale, 'summary.add_care_card', { per: perText[config.per], when });
  },
  mergeFieldTexts: (config) => config.extraFields.map((extra) => extra.value),
  checkConfig({ config, module, catalog, context }) {
    const issues: ConfigIssue[] = [];
    if (config.per !== 'order' && config.apply === 'chosen') {
      if (config.per === 'product') {
        if (config.productIds.length === 0) issues.push(requiredIssue(['productIds']));
        issues.push(
          ...checkKnownIds({
            known: context.productIds,
            ids: config.productIds,
            path: ['productIds'],
            code: 'product_unknown',
          }),
        );
      } else {
        if (config.categories.length === 0) issues.push(requiredIssue(['categories']));
        const category = findField(catalog.product, 'category');
        config.categories.forEach((value, index) => {
          if (category)
            issues.push(...checkValueForField({ field: category, value, path: ['categories', index] }));
        });
      }
    }
    if (config.owner.mode === 'user') {
      const id = config.owner.userId;
      issues.push(
        ...checkKnownId({
          known: context.userIds,
          id,
          path: ['owner', 'userId'],
          code: 'user_unknown',
        }),
      );
    }
    const layout = findCareCardLayout(config.layout);
    issues.push(
      ...checkKnownId({
        known: context.careCardLayouts ?? careCardLayouts.map((known) => known.key),
        id: config.layout,
        path: ['layout'],
        code: 'template_unknown',
      }),
    );
    if ('field' in config.careDate) {
      const path = ['careDate', 'field'];
      issues.push(
        ...checkFieldRef({ module, key: config.careDate.field, path, types: ['date', 'datetime'] }).issues,
      );
    }
    const seen = new Set<string>();
    config.extraFields.forEach((extra, index) => {
      if (seen.has(extra.key)) {
        issues.push({
          path: ['extraFields', index, 'key'],
          code: 'field_duplicate',
          message: text('config.care_field_twice', { key: extra.key }),
        });
      }
      seen.add(extra.key);
      if (layout && !layout.fields.some((known) => known.key === extra.key)) {
        issues.push({
          path: ['extraFields', index, 'key'],
          code: 'field_unknown',
          message: text('config.care_field_unknown', {
            layout: { vi: layout.labelVi, en: layout.labelEn },
            key: extra.key,
          }),
        });
      }
    });
    return issues;
  },
});
