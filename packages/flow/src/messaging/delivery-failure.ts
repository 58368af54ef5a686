import { z } from 'zod';
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

export const deliveryFailureMessages = {
  timeout: { vi: 'Nhà cung cấp không phản hồi kịp thời', en: 'The provider did not answer in time' },
  network: { vi: 'Không kết nối được tới nhà cung cấp', en: 'Could not connect to the provider' },
  provider_error: { vi: 'Nhà cung cấp gặp lỗi tạm thời', en: 'The provider had a temporary failure' },
  rejected: { vi: 'Nhà cung cấp từ chối tin nhắn', en: 'The provider refused the message' },
  auth: { vi: 'Thông tin đăng nhập nhà cung cấp không đúng', en: 'The provider refused the credentials' },
  invalid_recipient: { vi: 'Người nhận không hợp lệ', en: 'The recipient is not valid' },
  invalid_url: { vi: 'Địa chỉ URL không hợp lệ', en: 'The URL is not valid' },
  private_address: {
    vi: 'Địa chỉ nội bộ hoặc riêng tư bị chặn',
    en: 'Private and internal addresses are refused',
  },
  redirect: {
    vi: 'Máy nhận trả về chuyển hướng, không được theo',
    en: 'The receiver answered with a redirect, not followed',
  },
  misconfigured: { vi: 'Cấu hình nhà cung cấp không hợp lệ', en: 'The provider is not configured correctly' },
} satisfies Record<DeliveryFailureCode, Message>;
