import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection, {
  type SMTPConnectionOptions,
  type SMTPConnectionSendInfo,
} from 'nodemailer/lib/smtp-connection';
import { z } from 'zod';
import {
  guardedConnect,
  OutboundError,
  outboundFailure,
  serverAllowsPrivateNetwork,
} from './outbound-guard.ts';
import type { DeliveryResult, EmailMessage, EmailProvider, SendHooks } from './provider-types.ts';
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

/** Where and how to reach the SMTP server: host and port, or an `smtp(s)://user:pass@host:port` URL. */
export type SmtpTransport = {
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  /** Whether a private or loopback server may be reached (see outbound-guard.ts). */
  allowPrivate?: boolean;
};

function connectionOptions(
  transport: SmtpTransport,
  timeoutMs: number,
): { options: SMTPConnectionOptions; auth: { user: string; pass: string } | undefined } {
  const fromUrl = transport.url ? parseConnectionUrl(transport.url) : {};
  const auth = transport.auth ?? fromUrl.auth;
  return {
    options: {
      host: transport.host ?? fromUrl.host,
      port: transport.port ?? fromUrl.port,
      secure: transport.secure ?? fromUrl.secure,
      requireTLS: transport.requireTLS ?? (fromUrl as { requireTLS?: boolean }).requireTLS,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    },
    auth: auth?.user ? { user: auth.user, pass: auth.pass ?? '' } : undefined,
  };
}

/** The whole MIME message, built before any connection is opened. */
function compose(message: EmailMessage, from: { name?: string; address: string }, messageId: string) {
  const mail = new MailComposer({
    from: message.from ?? from,
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
    // Message parts come from us as buffers; never let content point the mailer at files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  return { envelope: mail.getEnvelope(), build: () => mail.build() };
}

/**
 * The message body for the DATA phase, held back before its final line: the server has every
 * byte but the terminating dot when `handOver` is asked, and gets the dot only from within it.
 * A process that dies before that point leaves the server with an unfinished transaction, which
 * SMTP discards; after it, the server has the message.
 */
function heldBody(raw: Buffer, handOver: NonNullable<SendHooks['handOver']>): Readable {
  let pushed = false;
  return new Readable({
    read() {
      if (!pushed) {
        pushed = true;
        this.push(raw);
        return;
      }
      handOver(() => this.push(null)).then(
        (agreed) => {
          if (!agreed) this.destroy(new Error('The message was claimed by another attempt'));
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}

/**
 * Sends through any SMTP server: host and port, or an `smtp(s)://` URL. One connection per
 * message, driven step by step (connect, authenticate, envelope, data) so the one irrevocable
 * moment, the final dot of the DATA phase, waits for the caller's `handOver` (see `deliverOnce`).
 */
export function emailProviderOverSmtp(input: {
  transport: SmtpTransport;
  from: { name?: string; address: string };
  timeoutMs?: number;
}): EmailProvider {
  const timeoutMs = input.timeoutMs ?? 30_000;
  return {
    // The caller's claim outlives anything a live attempt can take: connect, greet, each reply.
    leaseMs: timeoutMs * 6,
    async send(message: EmailMessage, hooks: SendHooks = {}): Promise<DeliveryResult> {
      const messageId = messageIdFor({
        idempotencyKey: message.idempotencyKey,
        fromAddress: input.from.address,
      });
      let composed: { envelope: ReturnType<typeof compose>['envelope']; raw: Buffer };
      try {
        const { envelope, build } = compose(message, input.from, messageId);
        composed = { envelope, raw: await build() };
      } catch (error) {
        return classifySmtpError(error, messageId);
      }
      const { envelope, raw } = composed;
      const { options, auth } = connectionOptions(input.transport, timeoutMs);
      const host = options.host ?? 'localhost';
      const port = Number(options.port ?? (options.secure ? 465 : 587));
      // The guard opens the socket (public addresses only unless allowed); nodemailer speaks on it.
      let socket: Socket;
      try {
        socket = await guardedConnect({
          host,
          port,
          allowPrivate: input.transport.allowPrivate === true || serverAllowsPrivateNetwork(),
          timeoutMs,
        });
      } catch (error) {
        if (error instanceof OutboundError) return outboundFailure(error, { messageId });
        throw error;
      }
      const connection = new SMTPConnection({ ...options, host, port, connection: socket });
      // Until the server has greeted us, every failure reads the same: a closed port, a filtered
      // one and one that speaks something else must not be told apart.
      let greeted = false;
      try {
        const handOver =
          hooks.handOver ??
          ((deliver: () => void) => {
            deliver();
            return Promise.resolve(true);
          });
        const info = await new Promise<SMTPConnectionSendInfo>((resolve, reject) => {
          // Kept for the connection's whole life: a late socket error must not go unheard.
          connection.on('error', reject);
          connection.once('end', () =>
            reject(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })),
          );
          const transmit = () =>
            connection.send(envelope, heldBody(raw, handOver), (error, sent) =>
              error || !sent ? reject(error ?? new Error('No answer to the message')) : resolve(sent),
            );
          connection.connect((error) => {
            if (error) return reject(error);
            greeted = true;
            if (!auth) return transmit();
            connection.login(auth, (loginError) => (loginError ? reject(loginError) : transmit()));
          });
        });
        connection.quit();
        return {
          status: 'sent',
          response: {
            messageId,
            accepted: info.accepted.map(String),
            rejected: info.rejected.map(String),
            response: info.response,
          },
        };
      } catch (error) {
        connection.close();
        if (!greeted)
          return outboundFailure(new OutboundError('unreachable', `${host}:${port}`), { messageId });
        return classifySmtpError(error, messageId);
      }
    },
  };
}

export function smtpEmailProvider(input: {
  config: SmtpConfig;
  secrets: SmtpSecrets;
  allowPrivate?: boolean;
}): EmailProvider {
  const { config, secrets } = input;
  return emailProviderOverSmtp({
    transport: {
      allowPrivate: input.allowPrivate === true,
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
