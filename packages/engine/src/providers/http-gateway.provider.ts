import { createHmac } from 'node:crypto';
import { smsSegments } from '@crmflow/flow/messaging';
import { z } from 'zod';
import { type GuardedResponse, guardedRequest, serverAllowsPrivateNetwork } from './outbound-guard.ts';
import {
  deliveryFailure,
  type ListedZnsTemplates,
  type SmsMessage,
  type SmsProvider,
  type ZnsMessage,
  type ZnsProvider,
} from './provider-types.ts';
import { signedRequest } from './signed-request.ts';

/**
 * A Vietnamese SMS brandname / Zalo ZNS gateway spoken to over JSON. Each gateway names its
 * endpoints differently, so the paths are settings; the request shape is ours and documented in
 * `sendSms` / `sendZns` below.
 */
export const HttpGatewayConfig = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  brandname: z.string().min(1).max(11).optional(),
  /** ZNS: the Zalo Official Account the messages come from, when the gateway serves several. */
  oaId: z.string().trim().min(1).max(100).optional(),
  smsPath: z.string().startsWith('/').default('/sms/send'),
  znsPath: z.string().startsWith('/').default('/zns/send'),
  /** Where the gateway lists the OA's approved ZNS templates (`GET`). */
  znsTemplatesPath: z.string().startsWith('/').default('/zns/templates'),
  timeoutMs: z.number().int().positive().max(120_000).default(15_000),
});
export type HttpGatewayConfig = z.infer<typeof HttpGatewayConfig>;

export const HttpGatewaySecrets = z.object({ apiKey: z.string().min(1), apiSecret: z.string().min(1) });
export type HttpGatewaySecrets = z.infer<typeof HttpGatewaySecrets>;

const E164 = /^\+[1-9]\d{7,14}$/;

/** `allowPrivate`: the organization's `allowPrivateNetwork` (see outbound-guard.ts). */
type Gateway = { config: HttpGatewayConfig; secrets: HttpGatewaySecrets; allowPrivate?: boolean };

/** POSTs to the gateway with our signed request (see `signedRequest`). */
function postToGateway(gateway: Gateway, input: { path: string; idempotencyKey: string; body: unknown }) {
  return signedRequest({
    baseUrl: gateway.config.baseUrl,
    timeoutMs: gateway.config.timeoutMs,
    credentials: gateway.secrets,
    allowPrivate: gateway.allowPrivate,
    method: 'POST',
    ...input,
  });
}

/** Body: `{ requestId, to, text, brandname, unicode, segments }`, `to` in E.164. */
export function httpSmsProvider(gateway: Gateway): SmsProvider {
  return {
    async send(message: SmsMessage) {
      if (!E164.test(message.to)) {
        return deliveryFailure({
          code: 'invalid_recipient',
          error: `Not an E.164 number: ${message.to}`,
          retryable: false,
        });
      }
      const brandname = message.brandname ?? gateway.config.brandname;
      if (!brandname) {
        return deliveryFailure({ code: 'misconfigured', error: 'No brandname configured', retryable: false });
      }
      const text = message.text.normalize('NFC');
      const { encoding, segments } = smsSegments(text);
      return postToGateway(gateway, {
        path: gateway.config.smsPath,
        idempotencyKey: message.idempotencyKey,
        body: {
          requestId: message.idempotencyKey,
          to: message.to,
          text,
          brandname,
          unicode: encoding === 'UCS-2',
          segments,
        },
      });
    },
  };
}

/** Body: `{ requestId, to, templateId, params }`, `to` in E.164. */
export function httpZnsProvider(gateway: Gateway): ZnsProvider {
  return {
    async send(message: ZnsMessage) {
      if (!E164.test(message.to)) {
        return deliveryFailure({
          code: 'invalid_recipient',
          error: `Not an E.164 number: ${message.to}`,
          retryable: false,
        });
      }
      return postToGateway(gateway, {
        path: gateway.config.znsPath,
        idempotencyKey: message.idempotencyKey,
        body: {
          requestId: message.idempotencyKey,
          to: message.to,
          templateId: message.templateId,
          params: message.params,
          ...(gateway.config.oaId ? { oaId: gateway.config.oaId } : {}),
        },
      });
    },
    listTemplates: () => listGatewayZnsTemplates(gateway),
  };
}

const ListedParam = z.object({
  key: z.string().min(1).max(64),
  type: z.enum(['text', 'number', 'date', 'money']).catch('text'),
  maxLength: z.number().int().positive().max(10_000),
});

const TemplateListing = z.object({
  templates: z.array(
    z.object({
      id: z.union([z.string().min(1).max(100), z.number().int()]).transform(String),
      name: z.string().max(200).default(''),
      params: z.array(ListedParam).max(50).default([]),
    }),
  ),
});

/**
 * The OA's approved templates, from `GET {baseUrl}{znsTemplatesPath}`, signed as the sends are
 * (the signature covers "<timestamp>." and the empty body). The gateway answers
 * `{ templates: [{ id, name, params: [{ key, type, maxLength }] }] }`; a param type we do not
 * know is read as text. Every failure is an answer with a plain reason, never a throw.
 */
export async function listGatewayZnsTemplates(gateway: Gateway): Promise<ListedZnsTemplates> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', gateway.secrets.apiSecret).update(`${timestamp}.`).digest('hex');
  const url = `${gateway.config.baseUrl.replace(/\/+$/, '')}${gateway.config.znsTemplatesPath}`;
  let response: GuardedResponse;
  try {
    response = await guardedRequest({
      url: new URL(url),
      method: 'GET',
      allowPrivate: gateway.allowPrivate === true || serverAllowsPrivateNetwork(),
      timeoutMs: gateway.config.timeoutMs,
      maxResponseBytes: 200_000,
      headers: {
        accept: 'application/json',
        'x-api-key': gateway.secrets.apiKey,
        'x-timestamp': timestamp,
        'x-signature': `sha256=${signature}`,
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'unreachable', error: reason };
  }
  const text = response.body;
  if (response.status < 200 || response.status >= 300) {
    return { ok: false, code: 'rejected', error: `HTTP ${response.status} ${text.slice(0, 300)}`.trim() };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: 'bad_answer', error: 'The gateway did not answer with JSON' };
  }
  const parsed = TemplateListing.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'bad_answer', error: z.prettifyError(parsed.error) };
  return { ok: true, templates: parsed.data.templates };
}
