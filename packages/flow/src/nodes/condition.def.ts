import { checkCondition } from '../condition/check-condition.ts';
import { ConditionConfig } from '../condition/condition-config.ts';
import { describeCriteria } from '../condition/describe-condition.ts';
import { render } from '../messages/catalogue.ts';
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
  form: { custom: 'condition-builder' },
  labels: {
    mode: { vi: 'bản ghi áp dụng', en: 'which records go on', pick: true },
    logic: { vi: 'cách kết hợp điều kiện', en: 'how criteria combine', pick: true },
    rules: { vi: 'điều kiện', en: 'a criterion' },
    'rules.*': { vi: 'điều kiện', en: 'the criterion' },
    'rules.*.field': { vi: 'trường so sánh', en: 'the field to compare', pick: true },
    'rules.*.op': { vi: 'phép so sánh', en: 'the comparison', pick: true },
    'rules.*.value': { vi: 'giá trị so sánh', en: 'the value to compare with' },
    'rules.*.rules': { vi: 'điều kiện của nhóm', en: 'a criterion of the group' },
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
