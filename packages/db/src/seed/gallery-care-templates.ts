import { bi, edge, type GallerySource } from './gallery-graph.ts';
import { allOf, email, equals, filled, notifyOwner, onDate, ownerTask, sms } from './gallery-steps.ts';

const anniversaryBody = bi(
  [
    '<p>Kính gửi Ban lãnh đạo #name,</p>',
    '<p>Nhân dịp kỷ niệm ngày thành lập (#founded_date), chúng tôi xin gửi lời chúc mừng tốt đẹp nhất',
    'và cảm ơn Quý công ty đã luôn đồng hành. Chúc Quý công ty ngày càng phát triển thịnh vượng.</p>',
    '<p>Trân trọng.</p>',
  ].join('\n'),
  [
    '<p>Dear management of #name,</p>',
    '<p>On your founding anniversary (#founded_date) we send you our warmest congratulations',
    'and thank you for working with us. We wish your company every success.</p>',
    '<p>Kind regards.</p>',
  ].join('\n'),
);

/** Quy trình chăm sóc mẫu: flows that fire when a date of the record comes round. */
export const careGallerySources: GallerySource[] = [
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
        onDate('birthday'),
        allOf('hasPhone', 1, [filled('phone')]),
        sms('sms', 2, {
          name: bi('SMS chúc mừng sinh nhật', 'Birthday SMS'),
          to: 'phone',
          text: bi(
            'Chúc mừng sinh nhật #name! Kính chúc anh/chị tuổi mới nhiều sức khỏe, hạnh phúc và thành công.',
            'Happy birthday, #name! We wish you health, happiness and success in the year ahead.',
          ),
        }),
        ownerTask(
          'call',
          { row: 2, column: 1 },
          {
            name: bi('Nhắc gọi điện chúc mừng', 'Birthday call reminder'),
            title: bi('Gọi điện chúc mừng sinh nhật #name', 'Call #name with birthday wishes'),
            description: bi(
              'Hôm nay là sinh nhật của #name (#account_id.name).',
              'Today is the birthday of #name (#account_id.name).',
            ),
            dueInDays: 0,
            taskType: 'call',
            priority: 'normal',
          },
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
        onDate('founded_date'),
        allOf('hasEmail', 1, [filled('email')]),
        email(
          'email',
          { row: 2 },
          {
            name: bi('Email chúc mừng ngày thành lập', 'Anniversary email'),
            to: 'email',
            subject: bi('Chúc mừng kỷ niệm ngày thành lập #name', 'Happy founding anniversary, #name'),
            body: anniversaryBody,
          },
        ),
        ownerTask(
          'call',
          { row: 2, column: 1 },
          {
            name: bi('Gọi điện chúc mừng', 'Anniversary call'),
            title: bi('Gọi điện chúc mừng ngày thành lập #name', 'Call #name on its founding anniversary'),
            description: bi(
              'Kỷ niệm ngày thành lập #founded_date. Hỏi thăm nhu cầu mới của khách hàng.',
              'Founded on #founded_date. Ask the customer about new needs.',
            ),
            dueInDays: 0,
            taskType: 'call',
            priority: 'normal',
          },
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
        onDate('valid_until', { recurrence: 'once', offsetDays: -3 }),
        allOf('open', 1, [{ field: 'status', op: 'in', value: ['draft', 'sent'] }]),
        notifyOwner('notify', 2, {
          name: bi('Báo báo giá sắp hết hạn', 'Quote about to expire'),
          message: bi(
            'Báo giá #code của #account_id.name hết hiệu lực ngày #valid_until.',
            'Quote #code of #account_id.name expires on #valid_until.',
          ),
        }),
        ownerTask(
          'task',
          { row: 2, column: 1 },
          {
            name: bi('Liên hệ khách hàng về báo giá', 'Contact the customer about the quote'),
            title: bi(
              'Liên hệ #account_id.name về báo giá #code sắp hết hạn',
              'Contact #account_id.name: quote #code is about to expire',
            ),
            description: bi(
              'Báo giá #code (#total) hết hiệu lực ngày #valid_until.',
              'Quote #code (#total) expires on #valid_until.',
            ),
            dueInDays: 1,
            taskType: 'call',
            priority: 'high',
          },
        ),
      ],
      edges: [edge('trigger', 'open'), edge('open', 'notify', 'true'), edge('open', 'task', 'true')],
    },
  },
  {
    key: 'quote-valid-until-customer-reminder',
    module: 'quote',
    kind: 'schedule',
    category: 'care',
    nameVi: 'Nhắc khách hàng báo giá còn 3 ngày hiệu lực',
    nameEn: 'Remind the customer 3 days before a quote expires',
    descriptionVi:
      '3 ngày trước ngày hiệu lực cuối của báo giá đã gửi: giao nhiệm vụ nhắc khách hàng cho người phụ trách, hạn trong ngày.',
    descriptionEn:
      'Three days before a sent quote runs out: give its owner a reminder task, due the same day.',
    graph: {
      nodes: [
        onDate('valid_until', { recurrence: 'once', offsetDays: -3, runAt: '09:00' }),
        allOf('sent', 1, [equals('status', 'sent')]),
        ownerTask(
          'task',
          { row: 2 },
          {
            name: bi('Nhắc khách hàng về báo giá', 'Quote reminder task'),
            title: bi(
              'Nhắc #account_id.name: báo giá #code còn hiệu lực đến #valid_until',
              'Remind #account_id.name: quote #code is valid until #valid_until',
            ),
            description: bi(
              'Gọi hoặc nhắn cho khách hàng để chốt báo giá #code (#total) trước khi hết hiệu lực.',
              'Call or message the customer to close quote #code (#total) before it runs out.',
            ),
            dueInDays: 0,
            taskType: 'call',
            priority: 'high',
          },
        ),
      ],
      edges: [edge('trigger', 'sent'), edge('sent', 'task', 'true')],
    },
  },
  {
    key: 'order-90-days-repurchase',
    module: 'order',
    kind: 'schedule',
    category: 'care',
    nameVi: 'Chăm sóc khách hàng 90 ngày sau đơn hàng',
    nameEn: 'Win-back 90 days after an order',
    descriptionVi:
      '90 ngày sau ngày đặt hàng mà chưa có đơn mới: gửi SMS hỏi thăm người liên hệ và giao nhiệm vụ gọi chăm sóc cho nhân viên kinh doanh.',
    descriptionEn:
      'Ninety days after an order with no new one: send the contact an SMS and give the salesperson a care call.',
    graph: {
      nodes: [
        onDate('order_date', { recurrence: 'once', offsetDays: 90, runAt: '09:00' }),
        allOf('delivered', 1, [equals('status', 'delivered'), filled('contact_id')]),
        sms('sms', 2, {
          name: bi('SMS hỏi thăm khách hàng', 'Check-in SMS'),
          to: 'contact_id.phone',
          text: bi(
            'Chào #contact_id.name, đã 3 tháng kể từ đơn hàng #code. Anh/chị cần hỗ trợ hoặc đặt thêm, vui lòng phản hồi tin nhắn này.',
            'Hello #contact_id.name, it has been 3 months since order #code. If you need help or more, just reply to this message.',
          ),
        }),
        ownerTask(
          'call',
          { row: 2, column: 1 },
          {
            name: bi('Gọi chăm sóc sau 90 ngày', 'Care call after 90 days'),
            title: bi(
              'Gọi chăm sóc #account_id.name (đơn hàng #code)',
              'Care call to #account_id.name (order #code)',
            ),
            description: bi(
              'Đã 90 ngày kể từ đơn hàng #code (#total). Hỏi nhu cầu đặt hàng mới.',
              'Ninety days since order #code (#total). Ask about a new order.',
            ),
            dueInDays: 2,
            taskType: 'care',
            priority: 'normal',
          },
        ),
      ],
      edges: [
        edge('trigger', 'delivered'),
        edge('delivered', 'sms', 'true'),
        edge('delivered', 'call', 'true'),
      ],
    },
  },
];
