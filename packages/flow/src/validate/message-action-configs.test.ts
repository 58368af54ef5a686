import { describe, expect, it } from 'vitest';
import { type ConfigCase, configErrors } from './test-graphs.ts';

const email = {
  name: 'Xác nhận',
  provider: 'system',
  to: { fields: ['contact_id.email'], users: ['u1'], addresses: ['ketoan@example.vn'] },
  subject: 'Đơn #code',
  body: '<p>#contact_id.name</p>',
  templateId: null,
  attachment: { printTemplateId: 'p1', format: 'pdf' },
};

const zns = {
  name: 'ZNS',
  provider: 'esms',
  to: { fields: ['contact_id.phone'], users: [] },
  templateId: 'z1',
  params: [
    { param: 'customer_name', field: 'contact_id.name' },
    { param: 'order_code', value: '#code' },
    { param: 'amount', field: 'total' },
  ],
};

describe('validateGraph: messaging actions against the module', () => {
  it.each<ConfigCase>([
    { name: 'valid email', type: 'send_email', config: email, expected: [] },
    {
      name: 'email field that is not an email',
      type: 'send_email',
      config: { ...email, to: { fields: ['code', 'contact_id.nope'], users: ['u9'], addresses: [] } },
      expected: ['field_type_mismatch@to.fields.0', 'field_unknown@to.fields.1', 'user_unknown@to.users.0'],
    },
    {
      name: 'email with nobody to send to and no subject',
      type: 'send_email',
      config: { ...email, to: { fields: [], users: [], addresses: [] }, subject: ' ', attachment: null },
      expected: ['recipients_missing@to', 'required@subject'],
    },
    {
      name: 'attachment sent through an SMTP provider of the organization',
      type: 'send_email',
      config: { ...email, provider: 'smtp1' },
      context: { emailProviders: ['smtp1'] },
      expected: [],
    },
    {
      name: 'attachment of an unknown print template, whichever provider',
      type: 'send_email',
      config: { ...email, provider: 'smtp1', attachment: { printTemplateId: 'p9', format: 'pdf' } },
      context: { emailProviders: ['smtp1'] },
      expected: ['template_unknown@attachment.printTemplateId'],
    },
    {
      name: 'template instead of texts',
      type: 'send_email',
      config: { ...email, subject: '', body: '', templateId: 'et1' },
      expected: [],
    },
    {
      name: 'unknown template',
      type: 'send_email',
      config: { ...email, templateId: 'et9' },
      expected: ['template_unknown@templateId'],
    },
    {
      name: 'bad address',
      type: 'send_email',
      config: { ...email, to: { ...email.to, addresses: ['not-mail'] } },
      expected: ['config_invalid@to.addresses.0'],
    },
    {
      name: 'notify a non-user field',
      type: 'notify',
      config: { name: 'x', to: { fields: ['contact_id'], users: [] }, message: 'Đơn #code' },
      expected: ['field_type_mismatch@to.fields.0'],
    },
    {
      name: 'notify the account owner',
      type: 'notify',
      config: { name: 'x', to: { fields: ['account_id.owner_id'], users: [] }, message: '#code' },
      expected: [],
    },
    {
      name: 'sms with neither text nor template',
      type: 'send_sms',
      config: { name: 'x', provider: 'esms', to: { fields: ['contact_id.phone'], users: [] } },
      expected: ['required@text'],
    },
    {
      name: 'sms from an unknown provider',
      type: 'send_sms',
      config: { name: 'x', provider: 'viettel', to: { users: ['u1'] }, text: 'Chào #contact_id.name' },
      expected: ['provider_unknown@provider'],
    },
    { name: 'valid zns', type: 'send_zalo_zns', config: zns, expected: [] },
    {
      name: 'zns params that do not fit the template',
      type: 'send_zalo_zns',
      config: {
        ...zns,
        params: [
          { param: 'order_code', value: 'DH-2025-000123' },
          { param: 'amount', field: 'code' },
          { param: 'gift', value: 'x' },
        ],
      },
      expected: [
        'zns_param_unknown@params.2',
        'zns_param_missing@params',
        'zns_param_too_long@params.0',
        'zns_param_type@params.1.field',
      ],
    },
    {
      name: 'care process with an email',
      type: 'send_email',
      config: {
        ...email,
        to: { fields: ['email'], users: [], addresses: [] },
        subject: 'Chúc mừng sinh nhật #name',
        body: '<p>#account_id.name</p>',
      },
      module: 'contact',
      kind: 'schedule',
      expected: [],
    },
    {
      name: 'merge fields that name nothing',
      type: 'send_email',
      config: { ...email, subject: 'Đơn #ma_don', body: '<p style="color:#333">#contact_id.nickname</p>' },
      expected: ['merge_field_unknown@subject', 'merge_field_unknown@body'],
    },
  ])('$name', (testCase) => {
    expect(configErrors(testCase)).toEqual(testCase.expected);
  });
});
