import { z } from 'zod';
import { text } from '../messages/catalogue.ts';
import type { Message } from './message.ts';

/**
 * Why a message was not delivered, as providers report it. The outbox stores the code with the
 * provider's own words, and the UI explains the code in the reader's language.
 */
export const DeliveryFailureCode = z.enum([
  'timeout',
  'network',
  'provider_error',
  'rejected',
  'auth',
  'invalid_recipient',
  'invalid_url',
  'private_address',
  'redirect',
  'misconfigured',
]);
export type DeliveryFailureCode = z.infer<typeof DeliveryFailureCode>;

/** Each code explained, from the message catalogue (`delivery.*`). */
export const deliveryFailureMessages = {
  timeout: text('delivery.timeout'),
  network: text('delivery.network'),
  provider_error: text('delivery.provider_error'),
  rejected: text('delivery.rejected'),
  auth: text('delivery.auth'),
  invalid_recipient: text('delivery.invalid_recipient'),
  invalid_url: text('delivery.invalid_url'),
  private_address: text('delivery.private_address'),
  redirect: text('delivery.redirect'),
  misconfigured: text('delivery.misconfigured'),
} satisfies Record<DeliveryFailureCode, Message>;
