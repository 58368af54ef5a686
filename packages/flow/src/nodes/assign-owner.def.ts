import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { checkKnownId, requiredIssue } from './checks/field-checks.ts';
import { ActionName } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';
import { nameText } from './summary-text.ts';

/** Bàn giao công việc: a new owner, chosen directly or by an allocation rule of the module. */
export const AssignOwnerConfig = z.discriminatedUnion('mode', [
  z.object({ name: ActionName, mode: z.literal('user'), userId: z.string().max(200) }),
  z.object({ name: ActionName, mode: z.literal('rule'), ruleId: z.string().max(200) }),
]);
export type AssignOwnerConfig = z.infer<typeof AssignOwnerConfig>;

export const assignOwnerNode = defineNode({
  type: 'assign_owner',
  category: 'action',
  labelVi: 'Bàn giao công việc',
  labelEn: 'Hand over',
  descriptionVi: 'Đổi chủ sở hữu bản ghi sang một người dùng hoặc theo quy tắc phân bổ.',
  descriptionEn: 'Gives the record a new owner: a chosen user or one picked by an allocation rule.',
  icon: 'user-check',
  /** Products have no owner to hand over. */
  modules: ['account', 'contact', 'lead', 'opportunity', 'quote', 'order', 'task'],
  kinds: ['event', 'schedule'],
  configSchema: AssignOwnerConfig,
  version: 1,
  form: {
    widgets: [
      nameWidget,
      {
        widget: 'variant',
        key: 'mode',
        label: 'form.owner.mode',
        choices: [
          { value: 'user', label: 'form.owner.user' },
          { value: 'rule', label: 'form.owner.rule' },
        ],
        variants: { user: { userId: '' }, rule: { ruleId: '' } },
      },
      { widget: 'user', key: 'userId', label: 'form.owner.user_label', when: { mode: 'user' } },
      {
        widget: 'allocation-rule',
        key: 'ruleId',
        label: 'form.owner.rule_label',
        noneHint: 'form.owner.no_rules',
        pickFirst: true,
        when: { mode: 'rule' },
      },
    ],
  },
  labels: {
    name: text('label.step_name'),
    mode: { ...text('label.owner.mode'), pick: true },
    userId: { ...text('label.owner.user'), pick: true },
    ruleId: { ...text('label.owner.rule'), pick: true },
  },
  defaults: (): AssignOwnerConfig => ({ name: 'Bàn giao công việc', mode: 'user', userId: '' }),
  summary({ config, locale, nameOf }) {
    if (config.mode === 'user') {
      const user = config.userId ? nameText(config.userId, nameOf) : '…';
      return render(locale, 'summary.assign_user', { user });
    }
    return render(locale, 'summary.assign_rule', { rule: nameText(config.ruleId, nameOf) });
  },
  mergeFieldTexts: () => [],
  checkConfig({ config, context }) {
    if (config.mode === 'rule') {
      if (config.ruleId === '') return [requiredIssue(['ruleId'])];
      return checkKnownId({
        known: context.allocationRuleIds,
        id: config.ruleId,
        path: ['ruleId'],
        code: 'allocation_rule_unknown',
      });
    }
    if (config.userId === '') return [requiredIssue(['userId'])];
    return checkKnownId({
      known: context.userIds,
      id: config.userId,
      path: ['userId'],
      code: 'user_unknown',
    });
  },
});
