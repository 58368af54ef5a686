import { smsSegments } from '@crmflow/flow/messaging';
import { z } from 'zod';
import {
  deliveryFailure,
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
  };
}
