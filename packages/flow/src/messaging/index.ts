export { DeliveryFailureCode, deliveryFailureMessages } from './delivery-failure.ts';
export type { Message } from './message.ts';
export { isPrivateAddress, parseIPv4, parseIPv6 } from './private-address.ts';
export {
  type SmsEncoding,
  type SmsSegments,
  smsSegments,
  withoutVietnameseDiacritics,
} from './sms-segments.ts';
export {
  type NormalizedPhone,
  normalizeVietnamesePhone,
  type PhoneProblem,
  phoneProblemMessages,
} from './vietnamese-phone.ts';
export {
  checkZnsMapping,
  checkZnsParams,
  type ZnsCheck,
  ZnsParam,
  type ZnsProblem,
  type ZnsProblemCode,
} from './zns-params.ts';
