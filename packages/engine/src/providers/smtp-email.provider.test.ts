import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../pdf/pdf-text.testing.ts';
import { renderPrintTemplatePdf } from '../pdf/print-pdf.ts';
import { startSmtpCatcher } from './smtp-catcher.testing.ts';
import { messageIdFor, smtpEmailProvider } from './smtp-email.provider.ts';
import { systemEmailProvider } from './system-email.provider.ts';

let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
beforeAll(async () => {
  smtp = await startSmtpCatcher({ user: 'crm', password: 'mật-khẩu' });
});
afterAll(() => smtp.close());

const provider = (overrides: { password?: string; port?: number } = {}) =>
  smtpEmailProvider({
    config: {
      host: '127.0.0.1',
      port: overrides.port ?? smtp.port,
      secure: false,
      requireTLS: false,
      user: 'crm',
      fromName: 'Phòng Chăm sóc Khách hàng',
      fromAddress: 'cskh@shop.example.vn',
      timeoutMs: 5_000,
    },
    secrets: { password: overrides.password ?? 'mật-khẩu' },
  });

const message = {
  idempotencyKey: 'run-1:n3:nhung@example.vn',
  to: ['nhung@example.vn', 'ke.toan@example.vn'],
  subject: 'Xác nhận đơn hàng ĐH-0001',
  html: '<p>Chào chị Nguyễn Thị Hồng Nhung, ghi chú: &lt;script&gt;alert(1)&lt;/script&gt;</p>',
  attachments: [],
};

describe('smtpEmailProvider', () => {
  it('delivers subject, recipients, HTML and a PDF whose Vietnamese text survives', async () => {
    const pdf = await renderPrintTemplatePdf({
      html: '<h1>Đơn hàng</h1><p>Nguyễn Thị Hồng Nhung, Đơn hàng số ĐH-0001, Tổng cộng: 12.500.000 ₫</p>',
    });
    const before = smtp.messages.length;
    const result = await provider().send({
      ...message,
      attachments: [{ filename: 'Đơn hàng ĐH-0001.pdf', contentType: 'application/pdf', content: pdf }],
    });

    expect(result).toMatchObject({ status: 'sent', response: { accepted: message.to, rejected: [] } });
    expect(smtp.messages).toHaveLength(before + 1);
    const { mail, envelopeTo } = smtp.messages.at(-1) ?? expect.unreachable();
    expect(envelopeTo).toEqual(message.to);
    expect(mail.subject).toBe('Xác nhận đơn hàng ĐH-0001');
    expect(mail.from?.value).toEqual([
      { name: 'Phòng Chăm sóc Khách hàng', address: 'cskh@shop.example.vn' },
    ]);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.messageId).toBe(
      messageIdFor({ idempotencyKey: message.idempotencyKey, fromAddress: 'cskh@shop.example.vn' }),
    );

    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('Đơn hàng ĐH-0001.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    const [text = ''] = await pdfPageTexts(attachment?.content ?? Buffer.alloc(0));
    expect(text).toContain('Nguyễn Thị Hồng Nhung, Đơn hàng số ĐH-0001, Tổng cộng: 12.500.000 ₫');
  }, 60_000);

  it('gives a resend the same Message-ID, and another key another one', async () => {
    await provider().send(message);
    await provider().send(message);
    await provider().send({ ...message, idempotencyKey: 'run-2:n3:nhung@example.vn' });
    const ids = smtp.messages.slice(-3).map((m) => m.mail.messageId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[0]).not.toContain('run-1');
  });

  it('sends to the accepted recipients and reports the refused ones', async () => {
    const result = await provider().send({ ...message, to: ['nhung@example.vn', 'ghost@bounce.test'] });
    expect(result).toMatchObject({
      status: 'sent',
      response: { accepted: ['nhung@example.vn'], rejected: ['ghost@bounce.test'] },
    });
  });

  it.each([
    {
      name: 'every recipient refused for good',
      to: ['ghost@bounce.test'],
      code: 'invalid_recipient',
      retryable: false,
    },
    { name: 'a temporary refusal', to: ['someone@busy.test'], code: 'provider_error', retryable: true },
  ])('$name → $code, retryable $retryable', async ({ to, code, retryable }) => {
    expect(await provider().send({ ...message, to })).toMatchObject({ status: 'failed', code, retryable });
  });

  it('reports wrong credentials as not worth retrying', async () => {
    expect(await provider({ password: 'sai' }).send(message)).toMatchObject({
      status: 'failed',
      code: 'auth',
      retryable: false,
    });
  });

  it('reports a server that is not there as worth retrying', async () => {
    const closed = await startSmtpCatcher();
    await closed.close();
    expect(await provider({ port: closed.port }).send(message)).toMatchObject({
      status: 'failed',
      code: 'network',
      retryable: true,
    });
  });
});

describe('systemEmailProvider', () => {
  it('captures when no relay is configured', async () => {
    const system = systemEmailProvider({});
    const before = smtp.messages.length;
    expect(system.mode).toBe('capture');
    expect(await system.send(message)).toMatchObject({ status: 'captured' });
    expect(smtp.messages).toHaveLength(before);
  });

  it('sends through CRMFLOW_SMTP_URL', async () => {
    const system = systemEmailProvider({
      CRMFLOW_SMTP_URL: `smtp://crm:${encodeURIComponent('mật-khẩu')}@127.0.0.1:${smtp.port}`,
      CRMFLOW_SMTP_FROM: 'CRMflow <no-reply@crm.example.vn>',
    });
    expect(system.mode).toBe('smtp');
    expect(await system.send(message)).toMatchObject({ status: 'sent' });
    expect(smtp.messages.at(-1)?.mail.from?.value).toEqual([
      { name: 'CRMflow', address: 'no-reply@crm.example.vn' },
    ]);
  });
});
