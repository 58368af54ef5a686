import { z } from 'zod';
import { render, text, uncapitalise } from '../messages/catalogue.ts';
import { checkZnsMapping, type ZnsParam, type ZnsProblem } from '../messaging/zns-params.ts';
import { resolveFieldPath } from '../metadata/field-lookup.ts';
import type { FieldType } from '../metadata/field-meta.ts';
import type { ConfigIssue } from '../validate/validation-error.ts';
import { checkFieldPath, checkKnownId, fieldName, requiredIssue } from './checks/field-checks.ts';
import { checkChosenProvider } from './checks/provider-checks.ts';
import { checkRecipients, recipientLabels } from './checks/recipient-checks.ts';
import { ActionName, FieldPath, Recipients } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameText, recipientsText } from './summary-text.ts';

/** A template param filled from a field of the record, or from a text (merge fields allowed). */
export const ZnsParamMapping = z.union([
  z.object({ param: z.string().min(1).max(64), field: FieldPath }),
  z.object({ param: z.string().min(1).max(64), value: z.string().max(500) }),
]);
export type ZnsParamMapping = z.infer<typeof ZnsParamMapping>;

export const SendZaloZnsConfig = z.object({
  name: ActionName,
  provider: z.string().max(200).default(''),
  to: Recipients,
  templateId: z.string().max(200).default(''),
  params: z.array(ZnsParamMapping).default([]),
});
export type SendZaloZnsConfig = z.infer<typeof SendZaloZnsConfig>;

const problemCodes: Record<ZnsProblem['code'], ConfigIssue['code']> = {
  missing: 'zns_param_missing',
  unknown: 'zns_param_unknown',
  too_long: 'zns_param_too_long',
  not_number: 'zns_param_type',
  not_date: 'zns_param_type',
};

const fieldTypesFor: Record<ZnsParam['type'], readonly FieldType[] | null> = {
  text: null,
  number: ['number', 'money'],
  money: ['number', 'money'],
  date: ['date', 'datetime'],
};

export const sendZaloZnsNode = defineNode({
  type: 'send_zalo_zns',
  category: 'action',
  labelVi: 'Gửi Zalo ZNS',
  labelEn: 'Send Zalo ZNS',
  descriptionVi: 'Gửi tin Zalo ZNS theo mẫu đã duyệt, ghép tham số của mẫu với trường của bản ghi.',
  descriptionEn: "Sends an approved Zalo ZNS template, its params filled from the record's fields.",
  icon: 'message-circle',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: SendZaloZnsConfig,
  version: 1,
  // Hand-written: the parameters come from the chosen template, each mapped to a field or a text.
  form: { custom: 'zns-mapping' },
  labels: {
    name: text('label.step_name'),
    provider: { ...text('label.zns.provider'), pick: true },
    ...recipientLabels,
    'to.fields': { ...text('label.recipient_phone_field'), pick: true },
    templateId: { ...text('label.zns.template'), pick: true },
    params: text('label.zns.params'),
    'params.*.param': text('label.zns.param'),
    'params.*.field': { ...text('label.zns.param_field'), pick: true },
    'params.*.value': text('label.zns.param_value'),
  },
  defaults: (module): SendZaloZnsConfig => ({
    name: 'Gửi Zalo ZNS',
    provider: '',
    to: {
      fields: module.fields.filter((field) => field.type === 'phone').map((field) => field.key),
      users: [],
    },
    templateId: '',
    params: [],
  }),
  summary({ config, module, catalog, locale, nameOf }) {
    const to = recipientsText({ to: config.to, module, catalog, locale, nameOf });
    const template = config.templateId ? `"${nameText(config.templateId, nameOf)}"` : '…';
    return render(locale, 'summary.send_zns', { template, to });
  },
  mergeFieldTexts: (config) =>
    config.params.flatMap((mapping) => ('value' in mapping ? [mapping.value] : [])),
  checkConfig({ config, module, catalog, context }) {
    const issues: ConfigIssue[] = [
      ...checkRecipients({ to: config.to, module, catalog, fieldTypes: ['phone', 'user'], context }),
    ];
    issues.push(
      ...checkChosenProvider({
        ref: config.provider,
        known: context.znsProviders,
        path: ['provider'],
      }),
    );
    config.params.forEach((mapping, index) => {
      if ('field' in mapping) {
        issues.push(
          ...checkFieldPath({ module, catalog, key: mapping.field, path: ['params', index, 'field'] }),
        );
      }
    });
    if (config.templateId === '') {
      issues.push(requiredIssue(['templateId']));
      return issues;
    }
    const known = context.znsTemplates;
    const ids = known?.map((template) => template.id);
    issues.push(
      ...checkKnownId({
        known: ids,
        id: config.templateId,
        path: ['templateId'],
        code: 'template_unknown',
      }),
    );
    const template = known?.find((candidate) => candidate.id === config.templateId);
    if (!template) return issues;

    const mapping = Object.fromEntries(
      config.params.map((item) => [item.param, 'field' in item ? `#${item.field}` : item.value]),
    );
    for (const problem of checkZnsMapping({ params: template.params, mapping })) {
      const index = config.params.findIndex((item) => item.param === problem.key);
      issues.push({
        path: index < 0 ? ['params'] : ['params', index],
        code: problemCodes[problem.code],
        message: text('config.zns_problem', { problem: uncapitalise(problem.message) }),
      });
    }
    config.params.forEach((item, index) => {
      const param = template.params.find((candidate) => candidate.key === item.param);
      const accepted = param ? fieldTypesFor[param.type] : null;
      const field = 'field' in item ? resolveFieldPath({ catalog, module, path: item.field }) : undefined;
      if (!param || !accepted || !field || accepted.includes(field.type)) return;
      issues.push({
        path: ['params', index, 'field'],
        code: 'zns_param_type',
        message: text('config.zns_param_field_type', {
          param: param.key,
          type: text(`word.${param.type}`),
          recordField: fieldName(field),
        }),
      });
    });
    return issues;
  },
});
