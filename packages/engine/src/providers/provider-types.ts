import type { DeliveryFailureCode } from '@crmflow/flow/messaging';

/**
 * What a provider did with one message. A refused or failed delivery is data the outbox
 * records and the step decides on (retry or give up); only a bug throws.
 */
export type DeliveryResult =
  | { status: 'sent' | 'captured'; response: Record<string, unknown> }
  | {
      status: 'failed';
      code: DeliveryFailureCode;
      /** The provider's own words, for the outbox and the run log. */
      error: string;
      /** True when the same request may succeed later (timeouts, 5xx, SMTP 4xx). */
      retryable: boolean;
      response?: Record<string, unknown>;
    };

export type DeliveryFailure = Extract<DeliveryResult, { status: 'failed' }>;

export function deliveryFailure(input: {
  code: DeliveryFailureCode;
  error: string;
  retryable: boolean;
  response?: Record<string, unknown>;
}): DeliveryFailure {
  return { status: 'failed', ...input };
}

export type EmailAttachment = { filename: string; contentType: string; content: Buffer };

export type EmailMessage = {
  /** Same key, same Message-ID: a resend after a crash is recognisable by the receiving side. */
  idempotencyKey: string;
  /** Overrides the provider's sender, e.g. `"Phòng CSKH" <cskh@example.vn>`. */
  from?: string;
  to: string[];
  subject: string;
  html: string;
  text?: string;
  attachments: EmailAttachment[];
};

/** What the outbox lends a provider for one send. */
export type SendHooks = {
  /**
   * Asked at the last moment before the message becomes irrevocable (for SMTP: the final dot of
   * the DATA phase). Calls `deliver`, which must do the irrevocable write synchronously, in the
   * same instant the hand-over is committed, and resolves true; resolves false without calling
   * it when the sender no longer holds its claim, and the provider then abandons the message.
   */
  handOver?: (deliver: () => void) => Promise<boolean>;
};

export interface EmailProvider {
  send(message: EmailMessage, hooks?: SendHooks): Promise<DeliveryResult>;
  /** How long a send may take at most; the outbox claims a message for at least this long. */
  leaseMs?: number;
}

export type SmsMessage = {
  idempotencyKey: string;
  /** E.164, e.g. `+84912345678` (see `normalizeVietnamesePhone`). */
  to: string;
  text: string;
  /** The registered sender name; falls back to the provider's configured one. */
  brandname?: string;
};

export interface SmsProvider {
  send(message: SmsMessage): Promise<DeliveryResult>;
}

export type ZnsMessage = {
  idempotencyKey: string;
  /** E.164, e.g. `+84912345678`. */
  to: string;
  templateId: string;
  /** Values already checked and normalised by `checkZnsParams`. */
  params: Record<string, string>;
};

export interface ZnsProvider {
  send(message: ZnsMessage): Promise<DeliveryResult>;
  /** The OA's approved templates, where the gateway can list them. */
  listTemplates?(): Promise<ListedZnsTemplates>;
}

export type ListedZnsTemplate = {
  id: string;
  name: string;
  params: { key: string; type: 'text' | 'number' | 'date' | 'money'; maxLength: number }[];
};

/** What a gateway answered when asked for its templates; `code` says why it could not. */
export type ListedZnsTemplates =
  | { ok: true; templates: ListedZnsTemplate[] }
  | { ok: false; code: 'unreachable' | 'rejected' | 'bad_answer'; error: string };

export type WebhookRequest = {
  url: string;
  /** Serialised to JSON once; the signature covers exactly the bytes sent. */
  body: unknown;
  secret: string;
  timeoutMs?: number;
  /** Organizations may allow private and loopback targets (on-premise systems); off by default. */
  allowPrivate?: boolean;
  /** Sent as `X-Crmflow-Delivery` so the receiver can drop a repeat. */
  idempotencyKey?: string;
};

export interface WebhookSender {
  post(request: WebhookRequest): Promise<DeliveryResult>;
}
