import type { Executor } from '../connection.ts';
import { emailTemplates, printTemplates, providers, smsTemplates, znsTemplates } from '../schema/crm.ts';

export const demoOrganizationName = 'Công ty TNHH Demo';

const orderConfirmationBody = [
  '<p>Kính gửi #contact_id.name,</p>',
  `<p>${demoOrganizationName} xin cảm ơn Quý khách đã đặt hàng. Đơn hàng <strong>#code</strong> ngày #order_date`,
  'của #account_id.name đã được ghi nhận với tổng giá trị <strong>#total</strong>.</p>',
  '<p>Nhân viên kinh doanh phụ trách sẽ liên hệ để hẹn thời gian giao hàng.</p>',
  `<p>Trân trọng,<br>Phòng Kinh doanh – ${demoOrganizationName}</p>`,
].join('\n');

/**
 * The order slip lists the order's product lines: the `data-each="lines"` row repeats once per
 * line (without it a PDF of the order shows no products at all).
 */
export const demoOrderSlipBody = [
  '<h1>PHIẾU XÁC NHẬN ĐƠN HÀNG</h1>',
  '<p>Số đơn hàng: <strong>#code</strong> – Ngày đặt hàng: #order_date</p>',
  '<p>Khách hàng: #account_id.name<br>Người liên hệ: #contact_id.name</p>',
  '<p>Tình trạng: #status</p>',
  '<table>',
  '<thead><tr><th>STT</th><th>Hàng hóa</th><th>Số lượng</th><th>Đơn giá</th><th>Thành tiền</th></tr></thead>',
  '<tbody><tr data-each="lines"><td>#line.index</td><td>#line.product_id</td><td>#line.quantity</td><td>#line.price</td><td>#line.amount</td></tr></tbody>',
  '</table>',
  '<p>Tổng tiền: <strong>#total</strong></p>',
  `<p>Đại diện bên bán: Phòng Kinh doanh – ${demoOrganizationName}</p>`,
].join('\n');

const quoteBody = [
  '<h1>BÁO GIÁ</h1>',
  '<p>Số báo giá: <strong>#code</strong> – Hiệu lực đến: #valid_until</p>',
  '<p>Kính gửi: #account_id.name</p>',
  '<p>Tổng giá trị: <strong>#total</strong></p>',
  `<p>Phòng Kinh doanh – ${demoOrganizationName}</p>`,
].join('\n');

const capture = 'capture';

/**
 * The templates and outgoing channels the demo's workflows use. Every provider is a `capture`
 * adapter: messages land in the outbox and nothing leaves the machine.
 */
export async function insertDemoTemplates(tx: Executor, orgId: string): Promise<void> {
  await tx.insert(emailTemplates).values({
    orgId,
    module: 'order',
    name: 'Xác nhận đơn hàng',
    subject: 'Xác nhận đơn hàng #code',
    body: orderConfirmationBody,
  });
  await tx.insert(printTemplates).values([
    { orgId, module: 'order', name: 'Phiếu xác nhận đơn hàng', body: demoOrderSlipBody },
    { orgId, module: 'quote', name: 'Báo giá', body: quoteBody },
  ]);
  await tx.insert(smsTemplates).values({
    orgId,
    module: 'contact',
    name: 'Chúc mừng sinh nhật khách hàng',
    body: `Chúc mừng sinh nhật #name! ${demoOrganizationName} kính chúc anh/chị tuổi mới thật nhiều sức khỏe, hạnh phúc và thành công.`,
  });
  await tx.insert(znsTemplates).values([
    {
      orgId,
      name: 'Chúc mừng sinh nhật (Zalo ZNS)',
      providerTemplateId: 'demo-birthday-01',
      params: [
        { key: 'customer_name', type: 'text', maxLength: 30 },
        { key: 'birthday', type: 'date', maxLength: 10 },
      ],
    },
    {
      orgId,
      name: 'Chào mừng khách hàng mới (Zalo ZNS)',
      providerTemplateId: 'demo-welcome-01',
      params: [{ key: 'customer_name', type: 'text', maxLength: 30 }],
    },
  ]);
  await tx.insert(providers).values([
    {
      orgId,
      kind: 'email',
      adapter: capture,
      name: 'Hộp thư đi (không gửi thật)',
      config: { fromName: demoOrganizationName, fromAddress: 'no-reply@demo.vn' },
      isDefault: true,
    },
    {
      orgId,
      kind: 'sms',
      adapter: capture,
      name: 'SMS – Hộp thư đi (không gửi thật)',
      config: { brandname: 'DEMO' },
      isDefault: true,
    },
    {
      orgId,
      kind: 'zns',
      adapter: capture,
      name: 'Zalo ZNS – Hộp thư đi (không gửi thật)',
      config: { oaName: demoOrganizationName },
      isDefault: true,
    },
    {
      orgId,
      kind: 'webhook',
      adapter: capture,
      name: 'Webhook – Hộp thư đi (không gửi thật)',
      config: {},
      isDefault: true,
    },
  ]);
}
