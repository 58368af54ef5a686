import type { Locale } from '@crmflow/flow';
import type { Message } from '@crmflow/flow/messaging';
import type { DeliverOnceOutcome } from '../../outbox/deliver-once.ts';
import type { ExecutorResult } from '../executor.ts';
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
      return { ...base, status: delivered.result.status };
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
      };
  }
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

const listed = (reports: readonly RecipientReport[]) =>
  reports.map((r) => `${r.to || r.source}: ${r.error ?? r.code ?? r.status}`).join('; ');

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
      details: { vi: text.vi, en: text.en, recipients: reports },
    },
  };
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
  reports: readonly RecipientReport[];
  output: Record<string, unknown>;
}): ExecutorResult {
  const { scope, reports } = args;
  const output = { ...args.output, recipients: reports };
  const busy = reports.filter((r) => r.status === 'in_progress');
  if (busy.length > 0) {
    const latest = Math.max(...busy.map((r) => Date.parse(r.leaseUntil ?? '') || scope.now.getTime()));
    return { status: 'waiting', until: new Date(Math.max(latest, scope.now.getTime()) + 1_000), output };
  }
  const retry = reports.filter((r) => r.status === 'failed' && r.retryable);
  if (retry.length > 0) {
    const text = {
      vi: `Chưa gửi được, sẽ thử lại: ${listed(retry)}`,
      en: `Not delivered yet, will try again: ${listed(retry)}`,
    };
    return failed({ scope, code: 'delivery_failed', text, retryable: true, reports });
  }
  if (reports.length > 0 && !reports.some(delivered)) {
    const text = {
      vi: `Không gửi được tới ai: ${listed(reports)}`,
      en: `Delivered to nobody: ${listed(reports)}`,
    };
    return failed({ scope, code: 'delivery_failed', text, retryable: false, reports });
  }
  if (reports.length === 0) {
    const note = { vi: 'Không có người nhận: không gửi tin nào.', en: 'No recipient: nothing sent.' };
    return { status: 'succeeded', output: { ...output, note: note[scope.org.locale] } };
  }
  return { status: 'succeeded', output };
}

/** A step that cannot start (no provider, no template, unusable data): fails once, visibly. */
export function setupFailure(args: { scope: OutcomeScope; code: string; text: Message }): ExecutorResult {
  return failed({ ...args, retryable: false, reports: [] });
}
