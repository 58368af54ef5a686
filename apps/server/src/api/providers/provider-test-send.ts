import { randomUUID } from 'node:crypto';
import type { ProviderTestBody } from '@crmflow/contracts';
import type { Db, OrgSettings } from '@crmflow/db';
import {
  type DeliveryResult,
  deliverOnce,
  type OutboxRow,
  type ProviderHandle,
  providerFor,
  SURVEY_GROUP_LIMIT,
  surveyWorkApp,
  webhookSecretOf,
} from '@crmflow/engine';
import { render } from '@crmflow/flow';
import { normalizeVietnamesePhone, phoneProblemMessages } from '@crmflow/flow/messaging';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { ProviderRow } from './providers.service.ts';

type TestSendInput = ProviderTestBody;

export type TestSendResult = {
  status: 'sent' | 'captured' | 'failed';
  outboxId: string;
  code: string | null;
  error: string | null;
  /** What the provider answered (SMTP reply, HTTP status and body), when it answered. */
  answer: Record<string, unknown> | null;
};

const badRecipient = (message: string) =>
  new AppError('invalid_input', { details: [{ field: 'to', message }] });

/** The recipient as the channel wants it, or a 400 naming `to`. */
function recipientFor(kind: Exclude<ProviderRow['kind'], 'workapp'>, to: string, locale: Locale): string {
  if (kind === 'email') {
    if (z.email().safeParse(to).success) return to;
    throw badRecipient(render(locale, 'record.email'));
  }
  if (kind === 'webhook') {
    if (/^https?:\/\//i.test(to) && URL.canParse(to)) return to;
    throw badRecipient(render(locale, 'request.url'));
  }
  const phone = normalizeVietnamesePhone(to);
  if (phone.ok) return phone.e164;
  throw badRecipient(phoneProblemMessages[phone.reason][locale]);
}

type Send = { send: () => Promise<DeliveryResult>; subject: string | null; body: string };

function messageFor(args: {
  handle: ProviderHandle;
  row: ProviderRow;
  recipient: string;
  input: TestSendInput;
  key: string;
  text: string;
  secretKey: Buffer;
  settings: OrgSettings;
  locale: Locale;
}): Send {
  const { handle, recipient, input, key, text } = args;
  if (handle.kind === 'email') {
    const html = `<p>${text}</p>`;
    const message = { idempotencyKey: key, to: [recipient], subject: text, html, text, attachments: [] };
    return { subject: text, body: html, send: () => handle.provider.send(message) };
  }
  if (handle.kind === 'sms') {
    return {
      subject: null,
      body: text,
      send: () => handle.provider.send({ idempotencyKey: key, to: recipient, text }),
    };
  }
  if (handle.kind === 'zns') {
    if (!input.templateId) {
      const message = render(args.locale, 'request.zns_test_template');
      throw new AppError('invalid_input', { details: [{ field: 'templateId', message }] });
    }
    const zns = {
      idempotencyKey: key,
      to: recipient,
      templateId: input.templateId,
      params: input.params ?? {},
    };
    return {
      subject: input.templateId,
      body: JSON.stringify(zns.params),
      send: () => handle.provider.send(zns),
    };
  }
  if (handle.kind === 'workapp') {
    // Nothing is created in the app: the test reads what the task step's pickers will list, the
    // projects and each one's groups, and answers it (or where and why the app could not).
    return {
      subject: null,
      body: 'GET /projects, GET /projects/:id/groups',
      send: async () => {
        const survey = await surveyWorkApp(handle.client);
        if (survey.ok) {
          return { status: 'sent', response: { projects: survey.projects, groupLimit: SURVEY_GROUP_LIMIT } };
        }
        const { ok: _ok, code, error, ...where } = survey;
        return {
          status: 'failed',
          code: code === 'bad_answer' ? 'rejected' : code,
          error,
          retryable: false,
          response: { ...where, reason: code },
        };
      },
    };
  }
  const secret = webhookSecretOf({ row: args.row, secretKey: args.secretKey }) ?? '';
  const body = { event: 'test', message: text, sentAt: new Date().toISOString() };
  return {
    subject: null,
    body: JSON.stringify(body),
    send: () =>
      handle.sender.post({
        url: recipient,
        body,
        secret,
        idempotencyKey: key,
        allowPrivate: args.settings.allowPrivateNetwork === true,
      }),
  };
}

/**
 * Sends one test message through a provider, recorded in the outbox like any other (with its
 * own idempotency key, so every test is a new message), and says what happened.
 */
export async function sendProviderTest(args: {
  db: Db;
  orgId: string;
  row: ProviderRow;
  input: TestSendInput;
  secretKey: Buffer;
  settings: OrgSettings;
  locale: Locale;
}): Promise<TestSendResult> {
  const { db, orgId, row, input, locale } = args;
  const endpointUrl = row.kind === 'webhook' ? String(row.config.url ?? '') : '';
  const recipient =
    row.kind === 'workapp'
      ? String(row.config.baseUrl ?? '')
      : recipientFor(row.kind, input.to || endpointUrl, locale);
  const key = `test:${row.id}:${randomUUID()}`;
  const text = render(locale, 'settings.test_message');
  const lookup = providerFor({
    row,
    secretKey: args.secretKey,
    allowPrivateNetwork: args.settings.allowPrivateNetwork === true,
  });
  const message: Send = lookup.ok
    ? messageFor({ ...args, handle: lookup, recipient, key, text })
    : {
        subject: row.kind === 'email' ? text : null,
        body: text,
        send: async () => ({
          status: 'failed',
          code: 'misconfigured',
          error: lookup.error,
          retryable: false,
        }),
      };
  const delivered = await deliverOnce({
    db,
    orgId,
    idempotencyKey: key,
    channel: row.kind,
    providerId: row.id,
    recipient,
    subject: message.subject,
    body: message.body,
    payload: { test: true },
    send: message.send,
  });
  const result = 'result' in delivered ? delivered.result : undefined;
  const failure = result?.status === 'failed' ? result : undefined;
  // A work app's own reason (`bad_answer`) is finer than the outbox's failure codes.
  const reason = row.kind === 'workapp' ? failure?.response?.reason : undefined;
  return resultOf(delivered.row, {
    code: typeof reason === 'string' ? reason : (failure?.code ?? null),
    answer: result?.response ?? null,
  });
}

function resultOf(
  row: OutboxRow,
  said: { code: string | null; answer: Record<string, unknown> | null },
): TestSendResult {
  const status = row.status === 'sent' || row.status === 'captured' ? row.status : 'failed';
  return { status, outboxId: row.id, code: said.code, error: row.error, answer: said.answer };
}
