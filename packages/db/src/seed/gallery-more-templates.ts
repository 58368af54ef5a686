import { bi, edge, type GallerySource, placed } from './gallery-graph.ts';
import {
  allOf,
  changedTo,
  email,
  equals,
  filled,
  notifyOwner,
  onChange,
  ownerTask,
} from './gallery-steps.ts';

const quoteEmailBody = bi(
  [
    '<p>Kính gửi Quý khách #account_id.name,</p>',
    '<p>Chúng tôi xin gửi báo giá số <strong>#code</strong> với tổng giá trị <strong>#total</strong>,',
    'có hiệu lực đến ngày #valid_until. Báo giá chi tiết được gửi kèm email này (PDF).</p>',
    '<p>Nếu cần điều chỉnh, Quý khách vui lòng phản hồi email này.</p>',
    '<p>Trân trọng.</p>',
  ].join('\n'),
  [
    '<p>Dear #account_id.name,</p>',
    '<p>Please find our quote <strong>#code</strong> for a total of <strong>#total</strong>,',
    'valid until #valid_until. The detailed quote is attached as PDF.</p>',
    '<p>If anything needs changing, simply reply to this email.</p>',
    '<p>Kind regards.</p>',
  ].join('\n'),
);

/** More Quy trình làm việc mẫu: one for every action the engine has. */
export const moreEventGallerySources: GallerySource[] = [
  {
    key: 'quote-sent-follow-up',
    module: 'quote',
    kind: 'event',
    category: 'sales',
    nameVi: 'Gửi báo giá kèm PDF và nhắc theo dõi sau 3 ngày',
    nameEn: 'Send the quote as PDF and follow up after 3 days',
    descriptionVi:
      'Khi báo giá chuyển sang Đã gửi: email báo giá kèm file PDF cho khách hàng, chờ 3 ngày rồi giao nhiệm vụ gọi theo dõi nếu khách hàng chưa chấp nhận.',
    descriptionEn:
      'When a quote is marked sent: email it to the customer as PDF, wait 3 days, then give its owner a follow-up call if it is still open.',
    graph: {
      nodes: [
        onChange('update', ['status'], { repeat: false }),
        allOf('sent', 1, [changedTo('status', 'sent')]),
        email(
          'email',
          { row: 2 },
          {
            name: bi('Email báo giá kèm PDF', 'Email the quote as PDF'),
            to: 'account_id.email',
            subject: bi('Báo giá #code', 'Quote #code'),
            body: quoteEmailBody,
            attachPrint: 'quote',
          },
        ),
        placed('wait', 'delay', 3, {
          name: bi('Chờ khách hàng phản hồi', 'Give the customer time'),
          mode: 'duration',
          amount: 3,
          unit: 'days',
        }),
        allOf('open', 4, [equals('status', 'sent')]),
        ownerTask(
          'call',
          { row: 5 },
          {
            name: bi('Nhắc gọi theo dõi báo giá', 'Follow-up call on the quote'),
            title: bi('Gọi theo dõi báo giá #code', 'Follow up quote #code'),
            description: bi(
              'Báo giá #code (#total) đã gửi 3 ngày chưa có phản hồi. Hỏi ý kiến #account_id.name.',
              'Quote #code (#total) was sent 3 days ago with no answer yet. Ask #account_id.name.',
            ),
            dueInDays: 1,
            taskType: 'call',
            priority: 'high',
          },
        ),
      ],
      edges: [
        edge('trigger', 'sent'),
        edge('sent', 'email', 'true'),
        edge('email', 'wait'),
        edge('wait', 'open'),
        edge('open', 'call', 'true'),
      ],
    },
  },
  {
    key: 'order-complete-record-revenue',
    module: 'order',
    kind: 'event',
    category: 'sales',
    nameVi: 'Đề nghị rồi ghi doanh số khi đơn hàng hoàn tất',
    nameEn: 'Propose then record revenue when an order is complete',
    descriptionVi:
      'Khi đơn hàng chuyển sang Đã giao hàng và chưa ghi doanh số: đề nghị ghi doanh số, ghi doanh số ngay và báo cho nhân viên kinh doanh.',
    descriptionEn:
      'When an order is delivered and its revenue not yet recorded: propose it, record it at once and tell the salesperson.',
    graph: {
      nodes: [
        onChange('update', ['status'], { repeat: false }),
        allOf('complete', 1, [
          changedTo('status', 'delivered'),
          { field: 'revenue_status', op: 'ne', value: 'recorded' },
        ]),
        placed('propose', 'propose_revenue', 2, { name: bi('Đề nghị ghi doanh số', 'Propose revenue') }),
        placed('record', 'record_revenue', 3, { name: bi('Ghi doanh số', 'Record revenue') }),
        notifyOwner('notify', 4, {
          name: bi('Báo đã ghi doanh số', 'Tell the salesperson'),
          message: bi(
            'Đơn hàng #code của #account_id.name đã được ghi doanh số #total.',
            'Revenue of #total has been recorded for order #code of #account_id.name.',
          ),
        }),
      ],
      edges: [
        edge('trigger', 'complete'),
        edge('complete', 'propose', 'true'),
        edge('propose', 'record'),
        edge('record', 'notify'),
      ],
    },
  },
  {
    key: 'opportunity-negotiation-quote-task',
    module: 'opportunity',
    kind: 'event',
    category: 'sales',
    nameVi: 'Giao nhiệm vụ gửi báo giá khi cơ hội vào đàm phán',
    nameEn: 'Quote task when an opportunity enters negotiation',
    descriptionVi:
      'Khi cơ hội chuyển sang giai đoạn Đàm phán, người phụ trách nhận nhiệm vụ "Gửi báo giá" hạn 2 ngày.',
    descriptionEn:
      'When an opportunity moves to Negotiation, its owner gets a "Send the quote" task due in 2 days.',
    graph: {
      nodes: [
        onChange('update', ['stage']),
        allOf('negotiation', 1, [changedTo('stage', 'negotiation')]),
        ownerTask(
          'task',
          { row: 2 },
          {
            name: bi('Giao nhiệm vụ gửi báo giá', 'Quote task'),
            title: bi('Gửi báo giá', 'Send the quote'),
            description: bi(
              'Lập và gửi báo giá cho cơ hội #name của #account_id.name (giá trị #amount).',
              'Prepare and send the quote for opportunity #name of #account_id.name (#amount).',
            ),
            dueInDays: 2,
            taskType: 'email',
            priority: 'high',
          },
        ),
      ],
      edges: [edge('trigger', 'negotiation'), edge('negotiation', 'task', 'true')],
    },
  },
  {
    key: 'zalo-lead-welcome-zns',
    module: 'lead',
    kind: 'event',
    category: 'sales',
    nameVi: 'Chào tiềm năng từ Zalo bằng ZNS và phân bổ',
    nameEn: 'Welcome Zalo leads by ZNS and allocate them',
    descriptionVi:
      'Tiềm năng mới có nguồn Zalo: gửi tin Zalo ZNS chào mừng, bàn giao theo quy tắc phân bổ và chuyển tình trạng sang Đã liên hệ.',
    descriptionEn:
      'New leads from Zalo get a welcome Zalo ZNS, are handed out by allocation rule and marked Contacted.',
    graph: {
      nodes: [
        onChange('create'),
        allOf('fromZalo', 1, [equals('source', 'zalo'), filled('phone')]),
        placed('zns', 'send_zalo_zns', 2, {
          name: bi('ZNS chào mừng', 'Welcome ZNS'),
          provider: '{{provider:zns}}',
          to: { fields: ['phone'], users: [] },
          templateId: '{{znsTemplate:customer_name}}',
          params: [{ param: 'customer_name', field: 'name' }],
        }),
        placed('assign', 'assign_owner', 3, {
          name: bi('Phân bổ tiềm năng', 'Allocate the lead'),
          mode: 'rule',
          ruleId: '{{allocationRule:lead}}',
        }),
        placed('contacted', 'update_fields', 4, {
          name: bi('Chuyển sang Đã liên hệ', 'Mark as contacted'),
          target: 'self',
          values: [{ field: 'status', value: 'contacted' }],
        }),
      ],
      edges: [
        edge('trigger', 'fromZalo'),
        edge('fromZalo', 'zns', 'true'),
        edge('zns', 'assign'),
        edge('assign', 'contacted'),
      ],
    },
  },
  {
    key: 'order-confirmed-webhook',
    module: 'order',
    kind: 'event',
    category: 'service',
    nameVi: 'Gửi đơn hàng đã xác nhận sang hệ thống kho (webhook)',
    nameEn: 'Send confirmed orders to the warehouse system (webhook)',
    descriptionVi:
      'Khi đơn hàng chuyển sang Đã xác nhận: gửi dữ liệu đơn hàng tới địa chỉ webhook của hệ thống kho và báo cho nhân viên kinh doanh.',
    descriptionEn:
      'When an order is confirmed: post it to the warehouse system’s webhook and tell the salesperson.',
    graph: {
      nodes: [
        onChange('update', ['status'], { repeat: false }),
        allOf('confirmed', 1, [changedTo('status', 'confirmed')]),
        placed('webhook', 'webhook', 2, {
          name: bi('Gửi sang hệ thống kho', 'Post to the warehouse'),
          url: '{{webhook:url}}',
          secretRef: '{{provider:webhook}}',
          timeoutMs: 10_000,
        }),
        notifyOwner('notify', 3, {
          name: bi('Báo đã chuyển kho', 'Tell the salesperson'),
          message: bi(
            'Đơn hàng #code đã được chuyển sang kho để chuẩn bị giao.',
            'Order #code has been sent to the warehouse for delivery.',
          ),
        }),
      ],
      edges: [edge('trigger', 'confirmed'), edge('confirmed', 'webhook', 'true'), edge('webhook', 'notify')],
    },
  },
  {
    key: 'large-deal-handover',
    module: 'opportunity',
    kind: 'event',
    category: 'sales',
    nameVi: 'Bàn giao cơ hội từ 800 triệu cho trưởng nhóm',
    nameEn: 'Hand opportunities of 800 million or more to the team lead',
    descriptionVi:
      'Cơ hội có giá trị từ 800.000.000 ₫ được bàn giao cho trưởng nhóm kinh doanh, người này được thông báo ngay.',
    descriptionEn:
      'Opportunities worth 800,000,000 ₫ or more are handed over to the sales team lead, who is told at once.',
    graph: {
      nodes: [
        onChange('create_or_update', ['amount'], { repeat: false }),
        allOf('large', 1, [{ field: 'amount', op: 'gte', value: 800_000_000 }]),
        placed('handover', 'assign_owner', 2, {
          name: bi('Bàn giao cho trưởng nhóm', 'Hand over to the team lead'),
          mode: 'user',
          userId: '{{user:lead}}',
        }),
        notifyOwner('notify', 3, {
          name: bi('Báo trưởng nhóm', 'Tell the team lead'),
          message: bi(
            'Bạn được bàn giao cơ hội lớn #name của #account_id.name (#amount).',
            'The large opportunity #name of #account_id.name (#amount) is now yours.',
          ),
        }),
      ],
      edges: [edge('trigger', 'large'), edge('large', 'handover', 'true'), edge('handover', 'notify')],
    },
  },
];
