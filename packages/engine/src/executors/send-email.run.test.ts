import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { outbox, printTemplates, providers, runSteps, runs, users, workflows } from '@crmflow/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkflow, drained, graphOf, settledRuns } from '../../test/fixtures.ts';
import { type MessagingBed, openMessagingBed } from '../../test/messaging-bed.ts';
import { pdfPageTexts } from '../pdf/pdf-text.testing.ts';
import { sealProviderSecrets } from '../providers/provider-factory.ts';
import { startSmtpCatcher } from '../providers/smtp-catcher.testing.ts';
import { QUEUES } from '../queues.ts';
import { retryJob } from '../runtime/steps/step-jobs.ts';
import { sendEmailExecutor } from './send-email.run.ts';

const SLOW = 180_000;
let bed: MessagingBed;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
/** The company's own mail server, added as an SMTP provider of the organization. */
let companySmtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let printTemplateId: string;
const secretKey = randomBytes(32);

const db = () => bed.database.db;
const orderConfirmation = `<h1>Xác nhận đơn hàng #code</h1><p>Khách hàng: #contact_id.name</p>
  <table><tr data-each="lines"><td>#line.product_id</td><td>#line.quantity</td><td>#line.amount</td></tr></table>
  <p>Tổng cộng: #total</p>`;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  companySmtp = await startSmtpCatcher({ user: 'crm@hoasen.vn', password: 'mật-khẩu-smtp' });
  bed = await openMessagingBed({
    settings: {
      secretKey,
      env: {
        CRMFLOW_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        CRMFLOW_SMTP_FROM: 'Phòng CSKH <cskh@hoasen.vn>',
      },
    },
  });
  const [template] = await db()
    .insert(printTemplates)
    .values({ orgId: bed.org.id, module: 'order', name: 'Phiếu xác nhận', body: orderConfirmation })
    .returning();
  printTemplateId = template?.id ?? '';
}, SLOW);
afterAll(async () => {
  await bed?.close();
  await smtp?.close();
  await companySmtp?.close();
});

/** An SMTP provider row as Thiết lập saves one: settings in `config`, the password sealed. */
async function addSmtpProvider(port: number): Promise<string> {
  const [row] = await db()
    .insert(providers)
    .values({
      orgId: bed.org.id,
      kind: 'email',
      adapter: 'smtp',
      name: 'Máy chủ thư Hoa Sen',
      config: {
        host: '127.0.0.1',
        port,
        user: 'crm@hoasen.vn',
        fromAddress: 'cskh@hoasen.vn',
        timeoutMs: 2_000,
      },
      secrets: sealProviderSecrets({ secretKey, secrets: { password: 'mật-khẩu-smtp' } }),
    })
    .returning();
  return row?.id ?? expect.unreachable();
}

/** A port on 127.0.0.1 nobody listens on: a mail server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : expect.unreachable();
}

const sendEmail = (config: Record<string, unknown>) => ({
  id: 'mail',
  type: 'send_email',
  config: {
    name: 'Gửi xác nhận',
    provider: 'system',
    subject: 'Xác nhận đơn hàng #code',
    body: '<p>Chào #contact_id.name</p>',
    ...config,
  },
});

async function orderFor(contactName: string, email: string, code: string) {
  const contact = await bed.write.create('contact', { name: contactName, email });
  const product = await bed.write.create('product', {
    code: `SP-${code}`,
    name: 'Áo dài lụa tơ tằm',
    price: 1500000,
  });
  return bed.write.create('order', {
    code,
    contact_id: contact.id,
    total: 3000000,
    lines: [{ product_id: product.id, quantity: 2, price: 1500000 }],
  });
}

describe('send_email through the engine', { timeout: 90_000 }, () => {
  it('sends one email with the print template attached as a PDF, its Vietnamese text intact', async () => {
    const workflowId = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'order',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [
          sendEmail({ to: { fields: ['contact_id.email'] }, attachment: { printTemplateId, format: 'pdf' } }),
        ],
        edges: ['t>mail'],
      }),
    });
    const before = smtp.messages.length;
    await orderFor('Nguyễn <Thị> Hồng Nhung', 'nhung@example.vn', 'ĐH-0001');
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(run?.status).toBe('succeeded');

    expect(smtp.messages).toHaveLength(before + 1);
    const { mail, envelopeTo } = smtp.messages.at(-1) ?? expect.unreachable();
    expect(envelopeTo).toEqual(['nhung@example.vn']);
    expect(mail.subject).toBe('Xác nhận đơn hàng ĐH-0001');
    expect(mail.html).toContain('<p>Chào Nguyễn &lt;Thị&gt; Hồng Nhung</p>');
    const [pdf] = mail.attachments;
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.filename).toBe('Phiếu xác nhận - ĐH-0001.pdf');
    const text = (await pdfPageTexts(pdf?.content ?? Buffer.alloc(0))).join('\n');
    expect(text).toContain('Xác nhận đơn hàng ĐH-0001');
    expect(text).toContain('Khách hàng: Nguyễn <Thị> Hồng Nhung');
    expect(text).toContain('Áo dài lụa tơ tằm');
    expect(text).toContain('Tổng cộng: 3.000.000 ₫');

    const rows = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.runId, run?.id ?? ''));
    expect(rows).toMatchObject([
      {
        channel: 'email',
        status: 'sent',
        recipient: 'nhung@example.vn',
        subject: 'Xác nhận đơn hàng ĐH-0001',
        attachments: [{ name: 'Phiếu xác nhận - ĐH-0001.pdf', contentType: 'application/pdf' }],
      },
    ]);
    const stored = rows[0]?.payload.attachmentData;
    expect(
      Array.isArray(stored) &&
        Buffer.from(String(stored[0]), 'base64').equals(pdf?.content ?? Buffer.alloc(0)),
    ).toBe(true);
    await db().update(workflows).set({ status: 'inactive' }).where(eq(workflows.id, workflowId));
  });

  it('sends nothing twice when the step runs again after a crash', async () => {
    const workflowId = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'order',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [sendEmail({ to: { fields: ['contact_id.email'], addresses: ['ke.toan@hoasen.vn'] } })],
        edges: ['t>mail'],
      }),
    });
    const before = smtp.messages.length;
    await orderFor('Trần Văn Bảo', 'bao@example.vn', 'ĐH-0002');
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(smtp.messages.length - before).toBe(2);

    // The worker died after the provider accepted the messages, before the step was recorded.
    const runId = run?.id ?? '';
    await db()
      .update(runSteps)
      .set({ status: 'running', output: null })
      .where(and(eq(runSteps.runId, runId), eq(runSteps.nodeId, 'mail')));
    await db().update(runs).set({ status: 'running' }).where(eq(runs.id, runId));
    await bed.boss.insert(QUEUES.step, [retryJob(runId, 'mail', 'crash')]);
    await drained(db());

    expect(smtp.messages.length - before).toBe(2);
    const [step] = await db()
      .select()
      .from(runSteps)
      .where(and(eq(runSteps.runId, runId), eq(runSteps.nodeId, 'mail')));
    expect(step).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(step?.output).toMatchObject({
      recipients: [
        { to: 'bao@example.vn', status: 'already_sent' },
        { to: 'ke.toan@hoasen.vn', status: 'already_sent' },
      ],
    });
    const rows = await db().select().from(outbox).where(eq(outbox.runId, runId));
    expect(rows.map((row) => [row.recipient, row.status, row.attempts])).toEqual([
      ['bao@example.vn', 'sent', 1],
      ['ke.toan@hoasen.vn', 'sent', 1],
    ]);
  });
});

describe('send_email through an SMTP provider of the organization', { timeout: 90_000 }, () => {
  it('signs in to the company mail server and delivers the PDF attachment, once across a retried step', async () => {
    const providerId = await addSmtpProvider(companySmtp.port);
    const workflowId = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'order',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [
          sendEmail({
            provider: providerId,
            to: { fields: ['contact_id.email'] },
            attachment: { printTemplateId, format: 'pdf' },
          }),
        ],
        edges: ['t>mail'],
      }),
    });
    const before = companySmtp.messages.length;
    await orderFor('Phạm Thị Thu Hằng', 'hang@example.vn', 'ĐH-0003');
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(run?.status).toBe('succeeded');

    expect(companySmtp.messages).toHaveLength(before + 1);
    const { mail, envelopeTo } = companySmtp.messages.at(-1) ?? expect.unreachable();
    expect(envelopeTo).toEqual(['hang@example.vn']);
    expect(mail.from?.value[0]?.address).toBe('cskh@hoasen.vn');
    const [pdf] = mail.attachments;
    expect(pdf?.filename).toBe('Phiếu xác nhận - ĐH-0003.pdf');
    const text = (await pdfPageTexts(pdf?.content ?? Buffer.alloc(0))).join('\n');
    expect(text).toContain('Xác nhận đơn hàng ĐH-0003');
    expect(text).toContain('Khách hàng: Phạm Thị Thu Hằng');
    expect(text).toContain('Áo dài lụa tơ tằm');
    const [row] = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.runId, run?.id ?? ''));
    expect(row).toMatchObject({ providerId, status: 'sent', attachments: [{ name: pdf?.filename }] });

    // The worker died after the server took the message, before the step was recorded.
    const runId = run?.id ?? '';
    await db()
      .update(runSteps)
      .set({ status: 'running', output: null })
      .where(and(eq(runSteps.runId, runId), eq(runSteps.nodeId, 'mail')));
    await db().update(runs).set({ status: 'running' }).where(eq(runs.id, runId));
    await bed.boss.insert(QUEUES.step, [retryJob(runId, 'mail', 'crash')]);
    await drained(db());
    expect(companySmtp.messages).toHaveLength(before + 1);
    await db().update(workflows).set({ status: 'inactive' }).where(eq(workflows.id, workflowId));
  });
});

describe('send_email step results', { timeout: 60_000 }, () => {
  const scopeFor = (data: Record<string, unknown>) =>
    bed.scopeFor('contact', data, { id: 'mail', type: 'send_email' });

  it('delivers to the good addresses, reports a bounced and a missing one, and fails only when nobody got it', async () => {
    const scope = await scopeFor({ name: 'Lê Minh', email: 'minh@bounce.test' });
    const config = {
      name: 'x',
      provider: 'system',
      subject: 'Chào #name',
      body: '<p>#name</p>',
      to: { fields: ['email', 'account_id.email'], addresses: ['lan@example.vn'] },
    };
    const result = await sendEmailExecutor.runNode(
      bed.inRun(scope, '00000000-0000-4000-8000-00000000000a'),
      config,
    );
    expect(result).toMatchObject({
      status: 'succeeded',
      output: {
        recipients: [
          { to: 'minh@bounce.test', status: 'failed', code: 'invalid_recipient', retryable: false },
          { to: 'lan@example.vn', status: 'sent' },
          { to: '', source: 'account_id.email', status: 'unreachable', error: 'Chưa có địa chỉ email' },
        ],
      },
    });
    const alone = await sendEmailExecutor.runNode(bed.inRun(scope, '00000000-0000-4000-8000-00000000000b'), {
      ...config,
      to: { fields: ['email'] },
    });
    expect(alone).toMatchObject({ status: 'failed', retryable: false, error: { code: 'delivery_failed' } });
  });

  it('asks for a retry when the server says "try later", and keeps what was delivered', async () => {
    const scope = await scopeFor({ name: 'Hà', email: 'ha@busy.test' });
    const run = bed.inRun(scope, '00000000-0000-4000-8000-00000000000c');
    const config = {
      name: 'x',
      provider: 'system',
      subject: 'S',
      body: '<p>B</p>',
      to: { fields: ['email'], addresses: ['an@example.vn'] },
    };
    const before = smtp.messages.length;
    expect(await sendEmailExecutor.runNode(run, config)).toMatchObject({ status: 'failed', retryable: true });
    expect(await sendEmailExecutor.runNode(run, config)).toMatchObject({ status: 'failed', retryable: true });
    expect(smtp.messages.length - before).toBe(1);
  });

  it('resends the files its outbox row kept when the first attempt found the mail server down', async () => {
    const providerId = await addSmtpProvider(await closedPort());
    const scope = await scopeFor({ name: 'Hà', email: 'ha@example.vn' });
    const run = bed.inRun(scope, '00000000-0000-4000-8000-00000000000d');
    const config = {
      name: 'x',
      provider: providerId,
      subject: 'Phiếu của #name',
      body: '<p>B</p>',
      to: { fields: ['email'] },
      attachment: { printTemplateId, format: 'pdf' },
    };
    expect(await sendEmailExecutor.runNode(run, config)).toMatchObject({ status: 'failed', retryable: true });
    const [kept] = await db().select().from(outbox).where(eq(outbox.runId, run.run.id));
    expect(kept).toMatchObject({ status: 'failed', attachments: [{ contentType: 'application/pdf' }] });
    // What the row keeps is what goes out again, not a second rendering: mark the kept bytes.
    const keptBytes = Buffer.from('%PDF-1.3 the file the outbox kept');
    await db()
      .update(outbox)
      .set({ payload: { attachmentData: [keptBytes.toString('base64')] } })
      .where(eq(outbox.id, kept?.id ?? ''));
    await db()
      .update(providers)
      .set({
        config: {
          host: '127.0.0.1',
          port: companySmtp.port,
          user: 'crm@hoasen.vn',
          fromAddress: 'cskh@hoasen.vn',
        },
      })
      .where(eq(providers.id, providerId));

    const before = companySmtp.messages.length;
    expect(await sendEmailExecutor.runNode(run, config)).toMatchObject({ status: 'succeeded' });
    expect(companySmtp.messages).toHaveLength(before + 1);
    const [file] = companySmtp.messages.at(-1)?.mail.attachments ?? [];
    expect(file?.filename).toBe(kept?.attachments[0]?.name);
    expect(file?.content.equals(keptBytes)).toBe(true);
  });

  it('previews the rendered email, its recipients and attachment, sending nothing', async () => {
    const owner = bed.org.users[1];
    await db()
      .update(users)
      .set({ email: 'binh@hoasen.vn' })
      .where(eq(users.id, owner?.id ?? ''));
    const scope = await scopeFor({ name: 'Đỗ <b>Khoa</b>', email: 'khoa@example.vn', owner_id: owner?.id });
    const sent = await db().select().from(outbox);
    const preview = await sendEmailExecutor.previewNode(scope, {
      name: 'x',
      provider: 'system',
      subject: 'Chúc mừng #name',
      body: '<p>Người phụ trách: #owner_id</p><p>#name</p>',
      to: { fields: ['email', 'owner_id'], users: [bed.org.users[3]?.id] },
    });
    expect(preview).toMatchObject({
      status: 'would_run',
      preview: {
        provider: { name: 'Email hệ thống', adapter: 'system' },
        subject: 'Chúc mừng Đỗ <b>Khoa</b>',
        html: '<p>Người phụ trách: Trần Thị Bình</p><p>Đỗ &lt;b&gt;Khoa&lt;/b&gt;</p>',
        to: ['khoa@example.vn', 'binh@hoasen.vn'],
      },
    });
    expect(await db().select().from(outbox)).toHaveLength(sent.length);
  });
});
