import { checkCondition } from '../condition/check-condition.ts';
import { ConditionConfig } from '../condition/condition-config.ts';
import { describeCriteria } from '../condition/describe-condition.ts';
import { render, text } from '../messages/catalogue.ts';
import { defineNode } from './node-definition.ts';

export const conditionNode = defineNode({
  type: 'condition',
  category: 'condition',
  labelVi: 'Điều kiện',
  labelEn: 'Condition',
  descriptionVi: 'Chỉ tiếp tục với bản ghi thỏa mãn điều kiện; có thể rẽ nhánh Đúng / Sai.',
  descriptionEn: 'Goes on only for records that meet the criteria; may branch on true / false.',
  icon: 'filter',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: ConditionConfig,
  version: 1,
  // Hand-written: criteria nest in groups, and each criterion's operators and value follow its field.
  form: { custom: 'condition-builder' },
  labels: {
    mode: { ...text('label.condition.mode'), pick: true },
    logic: { ...text('label.condition.logic'), pick: true },
    rules: text('label.condition.rules'),
    'rules.*': text('label.condition.rule'),
    'rules.*.field': { ...text('label.condition.field'), pick: true },
    'rules.*.op': { ...text('label.condition.op'), pick: true },
    'rules.*.value': text('label.condition.value'),
    'rules.*.rules': text('label.condition.group_rules'),
  },
  defaults: (): ConditionConfig => ({ mode: 'all' }),
  summary({ config, module, locale }) {
    if (config.mode === 'all') {
      return render(locale, 'summary.condition_all');
    }
    const criteria = describeCriteria({ logic: config.logic, rules: config.rules, module, locale });
    return config.ignoreAccents
      ? render(locale, 'summary.condition_ignoring_accents', { criteria })
      : criteria;
  },
  mergeFieldTexts: () => [],
  checkConfig: ({ config, module, kind, context }) => checkCondition({ config, module, kind, context }),
});
