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

const orderConfirmationBody = bi(
  [
    '<p>Kính gửi #contact_id.name,</p>',
    '<p>Cảm ơn Quý khách đã đặt hàng. Đơn hàng <strong>#code</strong> ngày #order_date của #account_id.name',
    'đã được ghi nhận với tổng giá trị <strong>#total</strong>. Phiếu xác nhận đơn hàng được gửi kèm email này.</p>',
    '<p>Nhân viên kinh doanh phụ trách sẽ liên hệ với Quý khách để hẹn thời gian giao hàng.</p>',
    '<p>Trân trọng.</p>',
  ].join('\n'),
  [
    '<p>Dear #contact_id.name,</p>',
    '<p>Thank you for your order. Order <strong>#code</strong> of #order_date for #account_id.name',
    'has been received, for a total of <strong>#total</strong>. The order confirmation is attached.</p>',
    '<p>Your salesperson will contact you to arrange the delivery.</p>',
    '<p>Kind regards.</p>',
  ].join('\n'),
);

const welcomeLeadBody = bi(
  [
    '<p>Chào #name,</p>',
    '<p>Cảm ơn anh/chị đã quan tâm đến sản phẩm và dịch vụ của chúng tôi.',
    'Nhân viên tư vấn sẽ liên hệ với anh/chị trong vòng 24 giờ làm việc.</p>',
    '<p>Trân trọng.</p>',
  ].join('\n'),
  [
    '<p>Hello #name,</p>',
    '<p>Thank you for your interest in our products and services.',
    'One of our advisers will contact you within 24 working hours.</p>',
    '<p>Kind regards.</p>',
  ].join('\n'),
);

/** Quy trình làm việc mẫu: flows that fire when records are added or edited. */
export const eventGallerySources: GallerySource[] = [
  {
    key: 'order-confirmation-and-care-task',
    module: 'order',
    kind: 'event',
    category: 'sales',
    nameVi: 'Gửi email xác nhận đơn hàng và giao nhiệm vụ chăm sóc',
    nameEn: 'Order confirmation email and a care task',
    descriptionVi:
      'Khi có đơn hàng mới: gửi email xác nhận kèm phiếu đơn hàng (PDF) cho người liên hệ, đồng thời giao cho nhân viên kinh doanh phụ trách nhiệm vụ gọi chăm sóc khách hàng sau 2 ngày.',
    descriptionEn:
      "On a new order: email the contact a confirmation with the order slip as PDF, and give the order's salesperson a follow-up call due in 2 days.",
    graph: {
      nodes: [
        onChange('create'),
        email(
          'email',
          { row: 1 },
          {
            name: bi('Gửi email xác nhận đơn hàng', 'Email the order confirmation'),
            to: 'contact_id.email',
            subject: bi('Xác nhận đơn hàng #code', 'Order #code confirmed'),
            body: orderConfirmationBody,
            attachPrint: 'order',
          },
        ),
        ownerTask(
          'task',
          { row: 1, column: 1 },
          {
            name: bi('Giao nhiệm vụ chăm sóc khách hàng', 'Customer care task'),
            title: bi(
              'Gọi chăm sóc #account_id.name sau đơn hàng #code',
              'Follow-up call to #account_id.name after order #code',
            ),
            description: bi(
              'Hỏi khách hàng về tiến độ giao hàng và mức độ hài lòng với đơn hàng #code (#total).',
              'Ask the customer about the delivery and how happy they are with order #code (#total).',
            ),
            dueInDays: 2,
            taskType: 'care',
            priority: 'high',
          },
        ),
      ],
      edges: [edge('trigger', 'email'), edge('trigger', 'task')],
    },
  },
  {
    key: 'opportunity-stage-from-done-task',
    module: 'task',
    kind: 'event',
    category: 'sales',
    nameVi: 'Cập nhật giai đoạn cơ hội khi hoàn thành nhiệm vụ',
    nameEn: 'Move the opportunity on when its task is done',
    descriptionVi:
      'Khi nhân viên kinh doanh chuyển nhiệm vụ sang Hoàn thành, cơ hội liên quan tự động chuyển sang giai đoạn Đàm phán.',
    descriptionEn: 'When a salesperson marks a task done, its opportunity moves to the Negotiation stage.',
    graph: {
      nodes: [
        onChange('update', ['status']),
        allOf('done', 1, [changedTo('status', 'done'), filled('opportunity_id')]),
        placed('stage', 'update_fields', 2, {
          name: bi('Chuyển cơ hội sang giai đoạn Đàm phán', 'Move the opportunity to Negotiation'),
          target: { via: 'opportunity_id' },
          values: [{ field: 'stage', value: 'negotiation' }],
        }),
      ],
      edges: [edge('trigger', 'done'), edge('done', 'stage', 'true')],
    },
  },
  {
    key: 'lead-allocation-round-robin',
    module: 'lead',
    kind: 'event',
    category: 'sales',
    nameVi: 'Phân bổ tiềm năng mới theo quy tắc phân bổ',
    nameEn: 'Hand new leads out by allocation rule',
    descriptionVi:
      'Tiềm năng mới được bàn giao lần lượt cho nhóm nhân viên kinh doanh theo quy tắc phân bổ, người nhận được thông báo ngay.',
    descriptionEn:
      'New leads go to the sales team in turn by an allocation rule; the new owner is notified at once.',
    graph: {
      nodes: [
        onChange('create'),
        placed('assign', 'assign_owner', 1, {
          name: bi('Phân bổ tiềm năng', 'Allocate the lead'),
          mode: 'rule',
          ruleId: '{{allocationRule:lead}}',
        }),
        notifyOwner('notify', 2, {
          name: bi('Báo người phụ trách', 'Tell the new owner'),
          message: bi(
            'Bạn vừa được phân bổ tiềm năng mới: #name (#phone), nguồn #source.',
            'A new lead has been allocated to you: #name (#phone), source #source.',
          ),
        }),
      ],
      edges: [edge('trigger', 'assign'), edge('assign', 'notify')],
    },
  },
  {
    key: 'delivered-order-care-card',
    module: 'order',
    kind: 'event',
    category: 'care',
    nameVi: 'Thêm thẻ chăm sóc khi đơn hàng đã giao',
    nameEn: 'Care card when an order is delivered',
    descriptionVi:
      'Khi đơn hàng chuyển sang Đã giao hàng, tạo thẻ chăm sóc cho nhân viên kinh doanh của đơn hàng với ngày chăm sóc sau 7 ngày.',
    descriptionEn:
      "When an order is delivered, add a care card for the order's salesperson, due 7 days later.",
    graph: {
      nodes: [
        onChange('update', ['status'], { repeat: false }),
        allOf('delivered', 1, [changedTo('status', 'delivered')]),
        placed('card', 'add_care_card', 2, {
          name: bi('Thẻ chăm sóc sau giao hàng', 'After-delivery care card'),
          per: 'order',
          apply: 'all',
          productIds: [],
          categories: [],
          owner: { mode: 'salesperson' },
          notifyOwner: true,
          layout: 'default',
          careDate: { inDays: 7 },
          extraFields: [],
        }),
      ],
      edges: [edge('trigger', 'delivered'), edge('delivered', 'card', 'true')],
    },
  },
  {
    key: 'revenue-proposal-on-delivery',
    module: 'order',
    kind: 'event',
    category: 'sales',
    nameVi: 'Đề nghị ghi doanh số khi giao hàng',
    nameEn: 'Propose revenue on delivery',
    descriptionVi:
      'Đơn hàng đã giao mà chưa ghi doanh số được tự động đề nghị ghi doanh số và báo cho nhân viên kinh doanh.',
    descriptionEn:
      'A delivered order with no revenue yet is proposed for revenue, and its salesperson is told.',
    graph: {
      nodes: [
        onChange('update', ['status']),
        allOf('ready', 1, [equals('status', 'delivered'), equals('revenue_status', 'none')]),
        placed('propose', 'propose_revenue', 2, { name: bi('Đề nghị ghi doanh số', 'Propose revenue') }),
        notifyOwner('notify', 3, {
          name: bi('Báo nhân viên kinh doanh', 'Tell the salesperson'),
          message: bi(
            'Đơn hàng #code (#total) đã được đề nghị ghi doanh số.',
            'Order #code (#total) has been proposed for revenue.',
          ),
        }),
      ],
      edges: [edge('trigger', 'ready'), edge('ready', 'propose', 'true'), edge('propose', 'notify')],
    },
  },
  {
    key: 'new-lead-welcome-email',
    module: 'lead',
    kind: 'event',
    category: 'sales',
    nameVi: 'Gửi email chào mừng tiềm năng mới',
    nameEn: 'Welcome email to new leads',
    descriptionVi: 'Tiềm năng mới có email sẽ nhận ngay email cảm ơn và hẹn liên hệ tư vấn.',
    descriptionEn: 'New leads with an email address get a thank-you email promising a call.',
    graph: {
      nodes: [
        onChange('create'),
        allOf('hasEmail', 1, [filled('email')]),
        email(
          'email',
          { row: 2 },
          {
            name: bi('Email chào mừng', 'Welcome email'),
            to: 'email',
            subject: bi('Cảm ơn #name đã quan tâm', 'Thank you for your interest, #name'),
            body: welcomeLeadBody,
          },
        ),
      ],
      edges: [edge('trigger', 'hasEmail'), edge('hasEmail', 'email', 'true')],
    },
  },
  {
    key: 'large-opportunity-alert',
    module: 'opportunity',
    kind: 'event',
    category: 'sales',
    nameVi: 'Thông báo cơ hội giá trị lớn',
    nameEn: 'Alert on large opportunities',
    descriptionVi:
      'Khi giá trị cơ hội từ 500.000.000 ₫ trở lên, báo cho người phụ trách để ưu tiên chăm sóc.',
    descriptionEn:
      'When an opportunity reaches 500,000,000 ₫ or more, its owner is told to give it priority.',
    graph: {
      nodes: [
        onChange('create_or_update', ['amount'], { repeat: false }),
        allOf('large', 1, [{ field: 'amount', op: 'gte', value: 500_000_000 }]),
        notifyOwner('notify', 2, {
          name: bi('Báo cơ hội lớn', 'Flag the large opportunity'),
          message: bi(
            'Cơ hội #name của #account_id.name đạt #amount, cần ưu tiên chăm sóc.',
            'Opportunity #name of #account_id.name has reached #amount: give it priority.',
          ),
        }),
      ],
      edges: [edge('trigger', 'large'), edge('large', 'notify', 'true')],
    },
  },
];
