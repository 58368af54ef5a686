import { type DeliveryFailure, deliveryFailure } from './provider-types.ts';

const TRANSIENT_CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY']);

/** The fields nodemailer puts on its errors, read without trusting their presence. */
function fieldsOf(error: unknown): { code?: string; responseCode?: number; message: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const responseCode =
    'responseCode' in error && typeof error.responseCode === 'number' ? error.responseCode : undefined;
  return { code, responseCode, message: error.message };
}

/**
 * SMTP says itself what may be retried: a 4xx reply is temporary (greylisting, mailbox busy,
 * rate limits), a 5xx reply is final. Without a reply, a dropped or timed-out connection is
 * worth another attempt; a malformed message or envelope is not.
 */
export function classifySmtpError(error: unknown, messageId: string): DeliveryFailure {
  const { code, responseCode, message } = fieldsOf(error);
  const response = { messageId, smtpCode: code ?? null, responseCode: responseCode ?? null };
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) {
    return deliveryFailure({
      code: code === 'EAUTH' ? 'auth' : 'provider_error',
      error: message,
      retryable: true,
      response,
    });
  }
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return deliveryFailure({ code: 'auth', error: message, retryable: false, response });
  }
  if (code === 'EENVELOPE' || code === 'EMAXRECIPIENTS') {
    return deliveryFailure({ code: 'invalid_recipient', error: message, retryable: false, response });
  }
  if (responseCode !== undefined && responseCode >= 500) {
    return deliveryFailure({ code: 'rejected', error: message, retryable: false, response });
  }
  if (code === 'ETIMEDOUT')
    return deliveryFailure({ code: 'timeout', error: message, retryable: true, response });
  if (code !== undefined && TRANSIENT_CONNECTION_CODES.has(code)) {
    return deliveryFailure({ code: 'network', error: message, retryable: true, response });
  }
  if (code === 'EMESSAGE' || code === 'ECONFIG' || code === 'EREQUIRETLS') {
    return deliveryFailure({ code: 'rejected', error: message, retryable: false, response });
  }
  return deliveryFailure({ code: 'provider_error', error: message, retryable: true, response });
}
