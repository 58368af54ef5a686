import { describe, expect, expectTypeOf, it } from 'vitest';
import { labelMessages } from '../messages/label-messages.ts';
import type { ModuleKey } from '../metadata/field-meta.ts';
import { moduleKeys, standardModules } from '../metadata/standard-modules.ts';
import {
  type ActionNodeType,
  type ConfigOf,
  nodeCatalog,
  nodeDefinition,
  nodeDefinitions,
  nodeTypes,
} from './catalog.ts';
import { allowsModule } from './node-definition.ts';

const catalog = standardModules;
const userId = '6a1f3c2e-1d4b-4c9a-9f0e-2b7d5e8a1c01';
const unknownId = '6a1f3c2e-1d4b-4c9a-9f0e-2b7d5e8a1c02';
const templateId = '6a1f3c2e-1d4b-4c9a-9f0e-2b7d5e8a1c03';
const ruleId = '6a1f3c2e-1d4b-4c9a-9f0e-2b7d5e8a1c04';
/** What the organization's lists would name; `unknownId` is in none of them. */
const names = new Map([
  [userId, 'Nguyễn Văn An'],
  [templateId, 'Xác nhận đơn hàng'],
  [ruleId, 'Chia đều nhóm Bắc'],
]);

describe('node catalogue', () => {
  it.each([
    ['trigger', 'Khi nào', 'trigger'],
    ['condition', 'Điều kiện', 'condition'],
    ['update_fields', 'Cập nhật thông tin', 'action'],
    ['send_email', 'Gửi Email thông báo', 'action'],
    ['create_task', 'Giao nhiệm vụ', 'action'],
    ['assign_owner', 'Bàn giao công việc', 'action'],
    ['notify', 'Thông báo', 'action'],
    ['send_sms', 'Gửi SMS', 'action'],
    ['send_zalo_zns', 'Gửi Zalo ZNS', 'action'],
    ['add_care_card', 'Thêm thẻ chăm sóc', 'action'],
    ['propose_revenue', 'Đề nghị ghi doanh số', 'action'],
    ['record_revenue', 'Ghi doanh số', 'action'],
    ['webhook', 'Webhook', 'action'],
    ['delay', 'Chờ', 'action'],
  ])('%s is "%s" (%s), as in the glossary', (type, labelVi, category) => {
    expect(nodeDefinition(type)).toMatchObject({ type, labelVi, category });
  });

  it('declares each type under its own key, in palette order', () => {
    expect(nodeDefinitions.map((definition) => definition.type)).toEqual(nodeTypes);
    expect(nodeTypes).toHaveLength(14);
  });

  it.each([
    ['add_care_card', ['order'], ['event', 'schedule']],
    ['propose_revenue', ['order'], ['event']],
    ['record_revenue', ['order'], ['event']],
  ] as const)('%s is for orders only', (type, modules, kinds) => {
    const definition = nodeCatalog[type];
    expect(moduleKeys.filter((module) => allowsModule(definition, module))).toEqual(modules);
    expect(definition.kinds).toEqual(kinds);
  });

  it.each(nodeDefinitions.map((definition) => [definition.type, definition] as const))(
    '%s names its settings with texts of the catalogue',
    (_type, definition) => {
      const catalogued = Object.entries(labelMessages).map(([, entry]) => `${entry.vi}|${entry.en}`);
      for (const label of Object.values(definition.labels))
        expect(catalogued).toContain(`${label.vi}|${label.en}`);
    },
  );

  const placements = nodeDefinitions.flatMap((definition) =>
    moduleKeys
      .filter((module) => allowsModule(definition, module))
      .flatMap((module) => definition.kinds.map((kind) => ({ type: definition.type, module, kind }))),
  );

  it.each(placements)(
    '$type on $module ($kind): defaults fit the schema and read as one line',
    ({ type, module, kind }) => {
      const definition = nodeDefinition(type);
      const meta = catalog[module];
      const config = definition?.defaults(meta, kind);
      const parsed = definition?.configSchema.safeParse(config);
      // A module without a date field cannot host a care process; its default trigger is incomplete.
      const incomplete =
        type === 'trigger' && kind === 'schedule' && !meta.fields.some((field) => field.type === 'date');
      expect(parsed?.success).toBe(!incomplete);
      for (const locale of ['vi', 'en'] as const) {
        const summary = parsed?.success
          ? definition?.summary({ config: parsed.data, module: meta, catalog, locale })
          : 'skip';
        expect(summary).toMatch(/^[^\n]+$/);
        expect(summary).not.toContain('undefined');
      }
    },
  );
});

describe('node summaries', () => {
  it.each<{ type: string; module: ModuleKey; config: unknown; vi: string; en: string }>([
    {
      type: 'send_email',
      module: 'order',
      config: {
        name: 'x',
        to: { fields: ['contact_id.email'], users: [], addresses: ['ketoan@congty.vn'] },
        subject: 'Xác nhận đơn #code',
      },
      vi: 'Gửi email "Xác nhận đơn #code" tới Liên hệ › Email, ketoan@congty.vn',
      en: 'Send email "Xác nhận đơn #code" to Contact › Email, ketoan@congty.vn',
    },
    {
      // The recipient field is itself labelled "Email": the word is not said twice in a row.
      type: 'send_email',
      module: 'account',
      config: { name: 'x', to: { fields: ['email'], users: [] }, subject: 'Happy founding anniversary' },
      vi: 'Gửi email "Happy founding anniversary" tới Email',
      en: 'Send email "Happy founding anniversary" to Email',
    },
    {
      type: 'send_email',
      module: 'account',
      config: { name: 'x', to: { fields: ['email'], users: [] }, subject: '' },
      vi: 'Gửi email (chưa có tiêu đề) tới Email',
      en: 'Send email (no subject yet) to Email',
    },
    {
      type: 'send_sms',
      module: 'contact',
      config: { name: 'x', to: { fields: ['phone'], users: [] }, text: 'Chúc mừng sinh nhật' },
      vi: 'Gửi SMS "Chúc mừng sinh nhật" tới Điện thoại',
      en: 'Send SMS "Chúc mừng sinh nhật" to Phone',
    },
    {
      type: 'send_sms',
      module: 'contact',
      config: { name: 'x', to: { fields: ['phone'], users: [] }, text: '' },
      vi: 'Gửi SMS (chưa có nội dung) tới Điện thoại',
      en: 'Send SMS (no text yet) to Phone',
    },
    {
      type: 'notify',
      module: 'order',
      config: { name: 'x', to: { fields: ['owner_id'], users: [userId] }, message: 'Đơn #code đã giao' },
      vi: 'Thông báo tới Chủ sở hữu, Nguyễn Văn An: Đơn #code đã giao',
      en: 'Notify Owner, Nguyễn Văn An: Đơn #code đã giao',
    },
    {
      type: 'notify',
      module: 'order',
      config: { name: 'x', to: { fields: [], users: [userId, unknownId] }, message: 'Có đơn mới' },
      vi: 'Thông báo tới 2 người dùng: Có đơn mới',
      en: 'Notify 2 users: Có đơn mới',
    },
    {
      type: 'trigger',
      module: 'order',
      config: { on: 'update', fields: ['status', 'total'], match: 'all', repeat: false },
      vi: 'Khi sửa bản ghi, đổi tất cả: Tình trạng, Tổng tiền (chỉ lần đầu)',
      en: 'When a record is edited, all of Status, Total changed (first time only)',
    },
    {
      type: 'trigger',
      module: 'contact',
      config: { dateField: 'birthday', offsetDays: -3, window: 'week', runAt: '08:30' },
      vi: 'Hằng năm vào Ngày sinh, trước 3 ngày, trong tuần, lúc 08:30',
      en: 'Every year on Birthday, 3 days before, during that week, at 08:30',
    },
    {
      type: 'condition',
      module: 'order',
      config: {
        mode: 'criteria',
        logic: 'and',
        rules: [
          { field: 'status', op: 'eq', value: 'delivered' },
          {
            logic: 'or',
            rules: [
              { field: 'total', op: 'gt', value: 10_000_000 },
              { field: 'order_date', op: 'date_within_last', value: 7 },
            ],
          },
        ],
      },
      vi: 'Tình trạng bằng Đã giao hàng và (Tổng tiền lớn hơn 10.000.000 ₫ hoặc Ngày đặt hàng trong vòng 7 ngày qua)',
      en: 'Status equals Delivered and (Total is greater than 10,000,000 ₫ or Order date is within the last 7 days)',
    },
    {
      type: 'update_fields',
      module: 'task',
      config: {
        name: 'x',
        target: { via: 'opportunity_id' },
        values: [
          { field: 'stage', value: 'negotiation' },
          { field: 'close_date', value: { today: 7 } },
        ],
      },
      vi: 'Cập nhật Cơ hội: Giai đoạn = Đàm phán, Ngày kỳ vọng kết thúc = hôm nay + 7',
      en: 'Update Opportunity: Stage = Negotiation, Expected close date = today + 7',
    },
    {
      type: 'create_task',
      module: 'order',
      config: { title: 'Gọi chăm sóc #code', dueInDays: 2, assignee: { field: 'owner_id' } },
      vi: 'Giao nhiệm vụ "Gọi chăm sóc #code" cho Chủ sở hữu, hạn 2 ngày',
      en: 'Task "Gọi chăm sóc #code" for Owner, due in 2 days',
    },
    {
      type: 'create_task',
      module: 'order',
      config: { title: 'Gọi lại', dueInDays: 1, assignee: { user: userId } },
      vi: 'Giao nhiệm vụ "Gọi lại" cho Nguyễn Văn An, hạn 1 ngày',
      en: 'Task "Gọi lại" for Nguyễn Văn An, due in 1 day',
    },
    {
      type: 'create_task',
      module: 'order',
      config: { title: 'Gọi lại', dueInDays: 1, assignee: { user: unknownId } },
      vi: `Giao nhiệm vụ "Gọi lại" cho ${unknownId}, hạn 1 ngày`,
      en: `Task "Gọi lại" for ${unknownId}, due in 1 day`,
    },
    {
      type: 'send_email',
      module: 'order',
      config: { name: 'x', to: { fields: ['email'], users: [] }, templateId },
      vi: 'Gửi mẫu email "Xác nhận đơn hàng" tới #email',
      en: 'Send email template "Xác nhận đơn hàng" to #email',
    },
    {
      type: 'assign_owner',
      module: 'lead',
      config: { name: 'x', mode: 'rule', ruleId },
      vi: 'Bàn giao theo quy tắc phân bổ "Chia đều nhóm Bắc"',
      en: 'Hand over by allocation rule "Chia đều nhóm Bắc"',
    },
    {
      type: 'delay',
      module: 'order',
      config: { name: 'x', mode: 'until_field', field: 'order_date', offsetDays: 3 },
      vi: 'Chờ đến Ngày đặt hàng + 3 ngày',
      en: 'Wait until Order date + 3 days',
    },
  ])('$type: $vi', ({ type, module, config, vi, en }) => {
    const definition = nodeDefinition(type);
    const parsed = definition?.configSchema.parse(config);
    const summary = (locale: 'vi' | 'en') =>
      definition?.summary({
        config: parsed,
        module: catalog[module],
        catalog,
        locale,
        nameOf: (id) => names.get(id),
      });
    expect(summary('vi')).toBe(vi);
    expect(summary('en')).toBe(en);
  });
});

describe('catalogue types', () => {
  it('gives executors exactly the action types, each with its parsed config', () => {
    expectTypeOf<ActionNodeType>().toEqualTypeOf<
      | 'update_fields'
      | 'send_email'
      | 'create_task'
      | 'assign_owner'
      | 'notify'
      | 'send_sms'
      | 'send_zalo_zns'
      | 'add_care_card'
      | 'propose_revenue'
      | 'record_revenue'
      | 'webhook'
      | 'delay'
    >();
    expectTypeOf<ConfigOf<'send_email'>['attachment']>().toEqualTypeOf<{
      printTemplateId: string;
      format: 'pdf' | 'original';
    } | null>();
  });
});
