import { edge, type GalleryTemplate, placed } from './gallery-graph.ts';

const anniversaryBody = [
  '<p>Kính gửi Ban lãnh đạo #name,</p>',
  '<p>Nhân dịp kỷ niệm ngày thành lập (#founded_date), chúng tôi xin gửi lời chúc mừng tốt đẹp nhất',
  'và cảm ơn Quý công ty đã luôn đồng hành. Chúc Quý công ty ngày càng phát triển thịnh vượng.</p>',
  '<p>Trân trọng.</p>',
].join('\n');

const dailyAt8 = { recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '08:00' } as const;

/** Quy trình chăm sóc mẫu: flows that fire when a date of the record comes round. */
export const careGalleryTemplates: GalleryTemplate[] = [
  {
    key: 'contact-birthday-sms',
    module: 'contact',
    kind: 'schedule',
    category: 'care',
    nameVi: 'Gửi SMS chúc mừng sinh nhật khách hàng',
    nameEn: 'Birthday SMS to contacts',
    descriptionVi:
      'Hằng năm vào ngày sinh nhật của liên hệ, lúc 8 giờ sáng: gửi SMS chúc mừng và nhắc người phụ trách gọi điện hỏi thăm.',
    descriptionEn:
      "Every year on a contact's birthday at 8 a.m.: send a greeting SMS and remind the owner to call.",
    graph: {
      nodes: [
        placed('trigger', 'trigger', 0, { dateField: 'birthday', ...dailyAt8 }),
        placed('hasPhone', 'condition', 1, {
          mode: 'criteria',
          logic: 'and',
          rules: [{ field: 'phone', op: 'not_empty' }],
        }),
        placed('sms', 'send_sms', 2, {
          name: 'SMS chúc mừng sinh nhật',
          provider: '{{provider:sms}}',
          to: { fields: ['phone'], users: [] },
          templateId: null,
          text: 'Chúc mừng sinh nhật #name! Kính chúc anh/chị tuổi mới nhiều sức khỏe, hạnh phúc và thành công.',
        }),
        placed(
          'call',
          'create_task',
          2,
          {
            name: 'Nhắc gọi điện chúc mừng',
            title: 'Gọi điện chúc mừng sinh nhật #name',
            description: 'Hôm nay là sinh nhật của #name (#account_id.name).',
            dueInDays: 0,
            taskType: 'call',
            priority: 'normal',
            assignee: { field: 'owner_id' },
            related: [],
            attachment: null,
          },
          1,
        ),
      ],
      edges: [edge('trigger', 'hasPhone'), edge('hasPhone', 'sms', 'true'), edge('trigger', 'call')],
    },
  },
  {
    key: 'account-founding-anniversary-email',
    module: 'account',
    kind: 'schedule',
    category: 'care',
    nameVi: 'Gửi email chúc mừng kỷ niệm ngày thành lập',
    nameEn: 'Founding anniversary email to accounts',
    descriptionVi:
      'Hằng năm vào ngày thành lập của khách hàng: gửi email chúc mừng và giao nhiệm vụ gọi điện cho người phụ trách.',
    descriptionEn:
      "Every year on an account's founding date: send a congratulation email and a call task to its owner.",
    graph: {
      nodes: [
        placed('trigger', 'trigger', 0, { dateField: 'founded_date', ...dailyAt8 }),
        placed('hasEmail', 'condition', 1, {
          mode: 'criteria',
          logic: 'and',
          rules: [{ field: 'email', op: 'not_empty' }],
        }),
        placed('email', 'send_email', 2, {
          name: 'Email chúc mừng ngày thành lập',
          provider: 'system',
          to: { fields: ['email'], users: [], addresses: [] },
          subject: 'Chúc mừng kỷ niệm ngày thành lập #name',
          body: anniversaryBody,
          templateId: null,
          attachment: null,
        }),
        placed(
          'call',
          'create_task',
          2,
          {
            name: 'Gọi điện chúc mừng',
            title: 'Gọi điện chúc mừng ngày thành lập #name',
            description: 'Kỷ niệm ngày thành lập #founded_date. Hỏi thăm nhu cầu mới của khách hàng.',
            dueInDays: 0,
            taskType: 'call',
            priority: 'normal',
            assignee: { field: 'owner_id' },
            related: [],
            attachment: null,
          },
          1,
        ),
      ],
      edges: [edge('trigger', 'hasEmail'), edge('hasEmail', 'email', 'true'), edge('trigger', 'call')],
    },
  },
  {
    key: 'quote-expiry-reminder',
    module: 'quote',
    kind: 'schedule',
    category: 'sales',
    nameVi: 'Nhắc báo giá sắp hết hiệu lực',
    nameEn: 'Reminder before a quote expires',
    descriptionVi:
      '3 ngày trước ngày hết hiệu lực của báo giá chưa được chấp nhận: thông báo và giao nhiệm vụ liên hệ khách hàng cho người phụ trách.',
    descriptionEn:
      'Three days before an open quote expires: notify its owner and give them a task to contact the customer.',
    graph: {
      nodes: [
        placed('trigger', 'trigger', 0, {
          dateField: 'valid_until',
          recurrence: 'once',
          offsetDays: -3,
          window: 'day',
          runAt: '08:00',
        }),
        placed('open', 'condition', 1, {
          mode: 'criteria',
          logic: 'and',
          rules: [{ field: 'status', op: 'in', value: ['draft', 'sent'] }],
        }),
        placed('notify', 'notify', 2, {
          name: 'Báo báo giá sắp hết hạn',
          to: { fields: ['owner_id'], users: [] },
          message: 'Báo giá #code của #account_id.name hết hiệu lực ngày #valid_until.',
        }),
        placed(
          'task',
          'create_task',
          2,
          {
            name: 'Liên hệ khách hàng về báo giá',
            title: 'Liên hệ #account_id.name về báo giá #code sắp hết hạn',
            description: 'Báo giá #code (#total) hết hiệu lực ngày #valid_until.',
            dueInDays: 1,
            taskType: 'call',
            priority: 'high',
            assignee: { field: 'owner_id' },
            related: [],
            attachment: null,
          },
          1,
        ),
      ],
      edges: [edge('trigger', 'open'), edge('open', 'notify', 'true'), edge('open', 'task', 'true')],
    },
  },
];
