import { type Locale, render, text } from '@crmflow/flow';
import type { Message } from '@crmflow/flow/messaging';
import type { DeliverOnceOutcome } from '../../outbox/deliver-once.ts';
import type { ExecutorResult } from '../executor.ts';
import { type AdviceChannel, failureAdvice } from './failure-advice.ts';
import type { Destination, Unreachable } from './recipients.ts';

/** The little of a step's scope its result depends on. */
export type OutcomeScope = { org: { locale: Locale }; now: Date };

/** What happened for one recipient of a messaging step, as the run history shows it. */
export type RecipientReport = {
  to: string;
  source: string;
  status: 'sent' | 'captured' | 'already_sent' | 'in_progress' | 'failed' | 'unreachable';
  outboxId?: string;
  code?: string;
  error?: string;
  retryable?: boolean;
  /** The HTTP status a webhook or gateway answered, when it answered. */
  httpStatus?: number;
  /** While `in_progress`: when the other worker's claim lapses. */
  leaseUntil?: string;
};

/**
 * How `deliverOnce` outcomes read per recipient: `delivered` is this attempt's send,
 * `already_delivered` an earlier attempt's (nothing sent now), `in_progress` another worker's
 * claim, `failed` the provider's refusal with whether a later attempt may succeed.
 */
export function reportOf(destination: Destination, delivered: DeliverOnceOutcome): RecipientReport {
  const base = { to: destination.to, source: destination.source, outboxId: delivered.row.id };
  switch (delivered.outcome) {
    case 'delivered':
      return { ...base, status: delivered.result.status, ...httpStatusOf(delivered.result.response) };
    case 'already_delivered':
      return { ...base, status: 'already_sent' };
    case 'in_progress':
      return {
        ...base,
        status: 'in_progress',
        leaseUntil: (delivered.row.leaseUntil ?? new Date()).toISOString(),
      };
    case 'failed':
      return {
        ...base,
        status: 'failed',
        code: delivered.result.code,
        error: delivered.result.error,
        retryable: delivered.result.retryable,
        ...httpStatusOf(delivered.result.response),
      };
  }
}

function httpStatusOf(response: Record<string, unknown> | undefined): { httpStatus?: number } {
  const status = response?.httpStatus;
  return typeof status === 'number' ? { httpStatus: status } : {};
}

export function unreachableReports(list: readonly Unreachable[], locale: 'vi' | 'en'): RecipientReport[] {
  return list.map((item) => ({
    to: item.value,
    source: item.source,
    status: 'unreachable',
    error: item.reason[locale],
  }));
}

const delivered = (report: RecipientReport) =>
  report.status === 'sent' || report.status === 'captured' || report.status === 'already_sent';

const listed = (reports: readonly RecipientReport[]) => reports.map((r) => r.to || r.source).join(', ');

/**
 * What went wrong for the failed recipients and what to do about it: one piece of advice per
 * distinct cause (an unreachable address carries its own sentence already).
 */
function advice(args: {
  channel: AdviceChannel;
  reports: readonly RecipientReport[];
  locale: 'vi' | 'en';
}): string {
  const sentences = args.reports
    .filter((r) => r.status === 'failed' || r.status === 'unreachable')
    .map((r) =>
      r.status === 'unreachable'
        ? `${r.to || r.source}: ${r.error ?? ''}`.trim()
        : failureAdvice({ channel: args.channel, code: r.code, httpStatus: r.httpStatus })[args.locale],
    );
  return [...new Set(sentences)].slice(0, 3).join(' ');
}

/** The advice in both languages. */
const adviceFor = (channel: AdviceChannel, reports: readonly RecipientReport[]): Message => ({
  vi: advice({ channel, reports, locale: 'vi' }),
  en: advice({ channel, reports, locale: 'en' }),
});

const channelNames: Record<AdviceChannel, Message> = {
  email: text('advice.channel_email'),
  sms: text('advice.channel_sms'),
  zns: text('advice.channel_zns'),
  webhook: text('advice.channel_webhook'),
  workapp: text('advice.channel_workapp'),
};

function failed(args: {
  scope: OutcomeScope;
  code: string;
  text: Message;
  retryable: boolean;
  reports: readonly RecipientReport[];
}): ExecutorResult {
  const { scope, code, text, retryable, reports } = args;
  return {
    status: 'failed',
    retryable,
    error: {
      code,
      message: text[scope.org.locale],
      details: { vi: text.vi, en: text.en, recipients: reports, ...causeOf(reports) },
    },
  };
}

/** The first refusal's code and HTTP status, for the UI to point at the page that fixes it. */
function causeOf(reports: readonly RecipientReport[]): { cause?: string; httpStatus?: number } {
  const first = reports.find((r) => r.status === 'failed');
  if (!first?.code) return {};
  return { cause: first.code, ...(first.httpStatus === undefined ? {} : { httpStatus: first.httpStatus }) };
}

/**
 * The step's result from its recipients' reports. In order: a recipient another worker is still
 * sending to parks the step until that claim lapses; a failure that may pass later fails the
 * step for a retry (recipients already served are not sent again: their outbox rows say so);
 * nothing delivered and only refusals or unusable addresses fails it for good; otherwise it
 * succeeded, unreachable recipients listed in its output.
 */
export function stepResultOf(args: {
  scope: OutcomeScope;
  channel: AdviceChannel;
  reports: readonly RecipientReport[];
  output: Record<string, unknown>;
}): ExecutorResult {
  const { scope, reports, channel } = args;
  const what = channelNames[channel];
  const output = { ...args.output, recipients: reports };
  const busy = reports.filter((r) => r.status === 'in_progress');
  if (busy.length > 0) {
    const latest = Math.max(...busy.map((r) => Date.parse(r.leaseUntil ?? '') || scope.now.getTime()));
    return { status: 'waiting', until: new Date(Math.max(latest, scope.now.getTime()) + 1_000), output };
  }
  const retry = reports.filter((r) => r.status === 'failed' && r.retryable);
  if (retry.length > 0) {
    const said = text('advice.not_yet', { what, who: listed(retry), advice: adviceFor(channel, retry) });
    return failed({ scope, code: 'delivery_failed', text: said, retryable: true, reports });
  }
  if (reports.length > 0 && !reports.some(delivered)) {
    const said = text('advice.to_nobody', {
      what,
      who: listed(reports),
      advice: adviceFor(channel, reports),
    });
    return failed({ scope, code: 'delivery_failed', text: said, retryable: false, reports });
  }
  if (reports.length === 0) {
    const note = render(scope.org.locale, 'advice.no_recipient');
    return { status: 'succeeded', output: { ...output, note } };
  }
  return { status: 'succeeded', output };
}

/** A step that cannot start (no provider, no template, unusable data): fails once, visibly. */
export function setupFailure(args: { scope: OutcomeScope; code: string; text: Message }): ExecutorResult {
  return failed({ ...args, retryable: false, reports: [] });
}
