import { text, uncapitalise } from '@crmflow/flow';
import { DeliveryFailureCode, type Message } from '@crmflow/flow/messaging';

/** Where a step's message went: each names who refused it and where the user fixes it. */
export type AdviceChannel = 'email' | 'sms' | 'zns' | 'webhook' | 'workapp';

/** Who answers for each channel, as a sentence's subject. */
const who: Record<AdviceChannel, Message> = {
  email: text('delivery.who_email'),
  sms: text('delivery.who_sms'),
  zns: text('delivery.who_zns'),
  webhook: text('delivery.who_webhook'),
  workapp: text('delivery.who_workapp'),
};

/** What an HTTP status says, for a webhook or gateway that answered with it. */
const httpMeanings: Record<number, Message> = {
  400: text('delivery.http_400'),
  401: text('delivery.http_401'),
  403: text('delivery.http_403'),
  404: text('delivery.http_404'),
  405: text('delivery.http_405'),
  408: text('delivery.http_408'),
  410: text('delivery.http_410'),
  413: text('delivery.http_413'),
  422: text('delivery.http_422'),
  429: text('delivery.http_429'),
  500: text('delivery.http_500'),
  502: text('delivery.http_502'),
  503: text('delivery.http_503'),
  504: text('delivery.http_504'),
};

/** "HTTP 404 (không tìm thấy địa chỉ)", or "HTTP 418" for a status without a known meaning. */
export function httpStatusText(status: number): Message {
  const meaning = httpMeanings[status];
  return meaning
    ? text('delivery.http_status_meaning', { status, meaning })
    : text('delivery.http_status', { status });
}

/**
 * Why a message was refused and what the user does next, as one or two sentences: the failure
 * code the provider reported, the channel it went through, and for HTTP the status it answered.
 */
export function failureAdvice(args: {
  channel: AdviceChannel;
  code: string | undefined;
  httpStatus?: number | undefined;
}): Message {
  const { channel, httpStatus } = args;
  const code = DeliveryFailureCode.safeParse(args.code);
  const subject = who[channel];
  const answered =
    httpStatus === undefined ? '' : text('delivery.answered', { status: httpStatusText(httpStatus) });
  const page = text('delivery.providers_page');
  switch (code.success ? code.data : undefined) {
    case 'auth':
      return channel === 'email'
        ? text('delivery.auth_smtp', { page })
        : text('delivery.auth', { subject, answered, page });
    case 'timeout':
      return text('delivery.timeout', { subject });
    case 'network':
      return text('delivery.network', { subject: uncapitalise(subject), page });
    case 'provider_error':
      return text('delivery.provider_error', {
        subject,
        answered: answered || text('delivery.temporary_failure'),
      });
    case 'rejected':
      return channel === 'webhook'
        ? text('delivery.rejected_webhook', { subject, answered, page })
        : text('delivery.rejected', { subject, answered });
    case 'invalid_recipient':
      return text('delivery.invalid_recipient');
    case 'invalid_url':
      return text('delivery.invalid_url', { page });
    case 'private_address':
      return text('delivery.private_address');
    case 'redirect':
      return text('delivery.redirect', { subject, answered });
    case 'misconfigured':
      return text('delivery.misconfigured', { page });
    default:
      return text('delivery.not_taken', { subject, answered });
  }
}
