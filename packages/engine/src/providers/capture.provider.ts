import type { EmailProvider, SmsProvider, WebhookSender, ZnsProvider } from './provider-types.ts';
import { messageIdFor } from './smtp-email.provider.ts';

/**
 * Adapters that send nothing. The outbox row written around the call is the whole effect:
 * the message is shown in the UI as it would have gone out. The default in embedded and
 * development mode, and what tests of flows use.
 */
export function captureEmailProvider(input: { fromAddress?: string } = {}): EmailProvider {
  return {
    async send(message) {
      const fromAddress = input.fromAddress ?? 'no-reply@crmflow.local';
      return {
        status: 'captured',
        response: { messageId: messageIdFor({ idempotencyKey: message.idempotencyKey, fromAddress }) },
      };
    },
  };
}

export function captureSmsProvider(): SmsProvider {
  return {
    async send() {
      return { status: 'captured', response: {} };
    },
  };
}

export function captureZnsProvider(): ZnsProvider {
  return {
    async send() {
      return { status: 'captured', response: {} };
    },
  };
}

export function captureWebhookSender(): WebhookSender {
  return {
    async post() {
      return { status: 'captured', response: {} };
    },
  };
}
