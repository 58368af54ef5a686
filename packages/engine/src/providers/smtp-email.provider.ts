import { createHash } from 'node:crypto';
import { createTransport, type SMTPTransportOptions } from 'nodemailer';
import { z } from 'zod';
import type { DeliveryResult, EmailMessage, EmailProvider } from './provider-types.ts';
import { classifySmtpError } from './smtp-errors.ts';

/** Non-secret settings of an SMTP provider, as stored in `providers.config`. */
export const SmtpConfig = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (usually port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  /** Refuse to send unless the connection was upgraded with STARTTLS. */
  requireTLS: z.boolean().default(false),
  user: z.string().optional(),
  fromName: z.string().optional(),
  fromAddress: z.email(),
  timeoutMs: z.number().int().positive().default(30_000),
});
export type SmtpConfig = z.infer<typeof SmtpConfig>;

export const SmtpSecrets = z.object({ password: z.string().optional() });
export type SmtpSecrets = z.infer<typeof SmtpSecrets>;

/**
 * The Message-ID a message keeps across every attempt: derived from the idempotency key (hashed,
 * so run ids do not leak into headers) and the sender's domain.
 */
export function messageIdFor(input: { idempotencyKey: string; fromAddress: string }): string {
  const digest = createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 40);
  const domain = input.fromAddress.split('@')[1] || 'crmflow.local';
  return `<${digest}@${domain}>`;
}

/** Sends through any SMTP server nodemailer reaches: host and port, or an `smtp(s)://` URL. */
export function emailProviderOverSmtp(input: {
  transport: SMTPTransportOptions;
  from: { name?: string; address: string };
  timeoutMs?: number;
}): EmailProvider {
  const timeoutMs = input.timeoutMs ?? 30_000;
  const transporter = createTransport({
    ...input.transport,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Message parts come from us as buffers; never let content point the mailer at files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(message: EmailMessage): Promise<DeliveryResult> {
      const messageId = messageIdFor({
        idempotencyKey: message.idempotencyKey,
        fromAddress: input.from.address,
      });
      try {
        const info = await transporter.sendMail({
          from: message.from ?? input.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId,
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        });
        return {
          status: 'sent',
          response: {
            messageId: info.messageId,
            accepted: info.accepted.map(String),
            rejected: info.rejected.map(String),
            response: info.response,
          },
        };
      } catch (error) {
        return classifySmtpError(error, messageId);
      } finally {
        transporter.close();
      }
    },
  };
}

export function smtpEmailProvider(input: { config: SmtpConfig; secrets: SmtpSecrets }): EmailProvider {
  const { config, secrets } = input;
  return emailProviderOverSmtp({
    transport: {
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: config.requireTLS,
      auth: config.user ? { user: config.user, pass: secrets.password ?? '' } : undefined,
    },
    from: { name: config.fromName ?? '', address: config.fromAddress },
    timeoutMs: config.timeoutMs,
  });
}
