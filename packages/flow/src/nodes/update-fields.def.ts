import { z } from 'zod';
import { formatFieldValue } from '../merge/format-value.ts';
import { render, text } from '../messages/catalogue.ts';
import type { Locale } from '../messages/locale.ts';
import {
  defaultTimeZone,
  fieldLabel,
  fieldLabelByKey,
  findField,
  referencedModule,
} from '../metadata/field-lookup.ts';
import type { FieldMeta, FieldType, ModuleMeta } from '../metadata/field-meta.ts';
import type { ConfigIssue } from '../validate/validation-error.ts';
import { checkFieldRef, fieldName, referenceExpected, requiredIssue } from './checks/field-checks.ts';
import { checkValueForField } from './checks/value-checks.ts';
import { ActionName, FieldKey, LiteralValue } from './common-config.ts';
import { defineNode } from './node-definition.ts';

/** Copy another field of the triggering record. */
export const FromFieldValue = z.object({ from: FieldKey });
/** A date relative to the day the action runs: `{ today: 3 }` is three days from today. */
export const RelativeDateValue = z.object({ today: z.number().int().min(-3660).max(3660) });
export const UpdateValue = z.union([LiteralValue, FromFieldValue, RelativeDateValue]);
export type UpdateValue = z.infer<typeof UpdateValue>;

/** The record itself, or the record a reference field of it points to. */
export const UpdateTarget = z.union([z.literal('self'), z.object({ via: FieldKey })]);
export type UpdateTarget = z.infer<typeof UpdateTarget>;

export const UpdateFieldsConfig = z.object({
  name: ActionName,
  target: UpdateTarget.default('self'),
  values: z.array(z.object({ field: FieldKey, value: UpdateValue })),
});
export type UpdateFieldsConfig = z.infer<typeof UpdateFieldsConfig>;

const families: FieldType[][] = [
  ['number', 'money'],
  ['date', 'datetime'],
];

/** Copying fits when the types match, are close cousins, or the target takes any text. */
function canCopy(from: FieldMeta, to: FieldMeta): boolean {
  if (from.type === to.type) return from.type !== 'picklist' || sameOptions(from, to);
  if (to.type === 'text' || to.type === 'textarea') return from.type !== 'lines';
  return families.some((family) => family.includes(from.type) && family.includes(to.type));
}

function sameOptions(a: FieldMeta, b: FieldMeta): boolean {
  return a.options.every((option) => b.options.some((other) => other.value === option.value));
}

function describeValue(args: { value: UpdateValue; field: FieldMeta | undefined; locale: Locale }): string {
  const { value, field, locale } = args;
  if (value === null) return render(locale, 'summary.value_empty');
  if (typeof value === 'object' && !Array.isArray(value)) {
    if ('from' in value) return `#${value.from}`;
    const sign = value.today >= 0 ? '+' : '−';
    return `${render(locale, 'summary.today')} ${sign} ${Math.abs(value.today)}`;
  }
  if (!field) return Array.isArray(value) ? value.join(', ') : String(value);
  return formatFieldValue({ field, value, locale, timeZone: defaultTimeZone });
}

export const updateFieldsNode = defineNode({
  type: 'update_fields',
  category: 'action',
  labelVi: 'Cập nhật thông tin',
  labelEn: 'Update fields',
  descriptionVi: 'Ghi giá trị vào các trường của bản ghi hoặc của bản ghi liên quan.',
  descriptionEn: 'Writes values into fields of the record or of a related record.',
  icon: 'pencil',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: UpdateFieldsConfig,
  version: 1,
  // Hand-written: a list of fields, each with a value whose control follows the field's type.
  form: { custom: 'update-fields-list' },
  labels: {
    name: text('label.step_name'),
    target: { ...text('label.update.target'), pick: true },
    'target.via': { ...text('label.update.via'), pick: true },
    values: { ...text('label.update.values'), pick: true },
    'values.*.field': { ...text('label.update.field'), pick: true },
    'values.*.value': text('label.update.value'),
    'values.*.value.from': { ...text('label.update.from'), pick: true },
    'values.*.value.today': text('label.update.today'),
  },
  defaults: (): UpdateFieldsConfig => ({ name: 'Cập nhật thông tin', target: 'self', values: [] }),
  summary({ config, module, catalog, locale }) {
    const target =
      config.target === 'self'
        ? module
        : catalog && referencedModule({ catalog, module, refFieldKey: config.target.via });
    const parts = config.values.map(({ field, value }) => {
      const meta = target ? findField(target, field) : undefined;
      const name = meta ? fieldLabel(meta, locale) : field;
      return `${name} = ${describeValue({ value, field: meta, locale })}`;
    });
    const verb = render(locale, 'summary.update');
    const head =
      config.target === 'self'
        ? verb
        : `${verb} ${fieldLabelByKey({ module, key: config.target.via, locale })}`;
    return `${head}: ${parts.join(', ') || '…'}`;
  },
  mergeFieldTexts: (config) =>
    config.values.flatMap(({ value }) => (typeof value === 'string' ? [value] : [])),
  checkConfig({ config, module, catalog, context }) {
    const issues: ConfigIssue[] = [];
    let target: ModuleMeta | undefined = module;
    if (config.target !== 'self') {
      const via = checkFieldRef({
        module,
        key: config.target.via,
        path: ['target', 'via'],
        types: ['reference'],
      });
      issues.push(
        ...(via.field && via.issues.length > 0
          ? [referenceExpected(via.field, ['target', 'via'])]
          : via.issues),
      );
      target = referencedModule({ catalog, module, refFieldKey: config.target.via });
      if (!target) return issues;
    }
    if (config.values.length === 0) issues.push(requiredIssue(['values']));
    const seen = new Set<string>();
    config.values.forEach(({ field: key, value }, index) => {
      const path = ['values', index];
      const { field, issues: fieldIssues } = checkFieldRef({ module: target, key, path: [...path, 'field'] });
      issues.push(...fieldIssues);
      if (!field) return;
      if (seen.has(key)) issues.push(duplicate(field, [...path, 'field']));
      seen.add(key);
      if (field.type === 'lines') issues.push(notUpdatable(field, [...path, 'field']));
      else issues.push(...checkUpdateValue({ field, value, module, path: [...path, 'value'], context }));
    });
    return issues;
  },
});

function checkUpdateValue(args: {
  field: FieldMeta;
  value: UpdateValue;
  module: ModuleMeta;
  path: (string | number)[];
  context: Parameters<typeof checkValueForField>[0]['context'];
}): ConfigIssue[] {
  const { field, value, module, path } = args;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return checkValueForField({ field, value, path, ...(args.context ? { context: args.context } : {}) });
  }
  if ('from' in value) {
    const source = checkFieldRef({ module, key: value.from, path: [...path, 'from'] });
    if (!source.field || canCopy(source.field, field)) return source.issues;
    return [
      {
        path: [...path, 'from'],
        code: 'field_type_mismatch',
        message: text('config.copy_type_mismatch', {
          from: fieldName(source.field),
          recordField: fieldName(field),
        }),
      },
    ];
  }
  if (field.type === 'date' || field.type === 'datetime') return [];
  return [
    {
      path,
      code: 'field_type_mismatch',
      message: text('config.relative_date_not_date', { recordField: fieldName(field) }),
    },
  ];
}

function duplicate(field: FieldMeta, path: (string | number)[]): ConfigIssue {
  return {
    path,
    code: 'field_duplicate',
    message: text('config.field_updated_twice', { recordField: fieldName(field) }),
  };
}

function notUpdatable(field: FieldMeta, path: (string | number)[]): ConfigIssue {
  return {
    path,
    code: 'field_not_updatable',
    message: text('config.field_not_updatable', { recordField: fieldName(field) }),
  };
}
