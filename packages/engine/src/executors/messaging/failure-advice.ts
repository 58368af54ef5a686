import { text, uncapitalise } from '@crmflow/flow';
import { DeliveryFailureCode, type Message } from '@crmflow/flow/messaging';

/** Where a step's message went: each names who refused it and where the user fixes it. */
export type AdviceChannel = 'email' | 'sms' | 'zns' | 'webhook' | 'workapp';

/** Who answers for each channel, as a sentence's subject. */
const who: Record<AdviceChannel, Message> = {
  email: text('advice.who_email'),
  sms: text('advice.who_sms'),
  zns: text('advice.who_zns'),
  webhook: text('advice.who_webhook'),
  workapp: text('advice.who_workapp'),
};

/** What an HTTP status says, for a webhook or gateway that answered with it. */
const httpMeanings: Record<number, Message> = {
  400: text('advice.http_400'),
  401: text('advice.http_401'),
  403: text('advice.http_403'),
  404: text('advice.http_404'),
  405: text('advice.http_405'),
  408: text('advice.http_408'),
  410: text('advice.http_410'),
  413: text('advice.http_413'),
  422: text('advice.http_422'),
  429: text('advice.http_429'),
  500: text('advice.http_500'),
  502: text('advice.http_502'),
  503: text('advice.http_503'),
  504: text('advice.http_504'),
};

/** "HTTP 404 (không tìm thấy địa chỉ)", or "HTTP 418" for a status without a known meaning. */
export function httpStatusText(status: number): Message {
  const meaning = httpMeanings[status];
  return meaning
    ? text('advice.http_status_meaning', { status, meaning })
    : text('advice.http_status', { status });
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
    httpStatus === undefined ? '' : text('advice.answered', { status: httpStatusText(httpStatus) });
  const page = text('advice.providers_page');
  switch (code.success ? code.data : undefined) {
    case 'auth':
      return channel === 'email'
        ? text('advice.auth_smtp', { page })
        : text('advice.auth', { subject, answered, page });
    case 'timeout':
      return text('advice.timeout', { subject });
    case 'network':
      return text('advice.network', { subject: uncapitalise(subject), page });
    case 'provider_error':
      return text('advice.provider_error', {
        subject,
        answered: answered || text('advice.temporary_failure'),
      });
    case 'rejected':
      return channel === 'webhook'
        ? text('advice.rejected_webhook', { subject, answered, page })
        : text('advice.rejected', { subject, answered });
    case 'invalid_recipient':
      return text('advice.invalid_recipient');
    case 'invalid_url':
      return text('advice.invalid_url', { page });
    case 'private_address':
      return text('advice.private_address');
    case 'redirect':
      return text('advice.redirect', { subject, answered });
    case 'misconfigured':
      return text('advice.misconfigured', { page });
    default:
      return text('advice.not_taken', { subject, answered });
  }
}
