import type { Message } from '@crmflow/flow/messaging';
import { type DeliverOnceInput, deliverOnce } from '../../outbox/deliver-once.ts';
import type { ProviderHandle } from '../../providers/provider-factory.ts';
import type {
  ExecutionScope,
  ExecutorResult,
  PreviewContext,
  PreviewResult,
  RunContext,
} from '../executor.ts';
import {
  type RecipientReport,
  reportOf,
  setupFailure,
  stepResultOf,
  unreachableReports,
} from './delivery-outcome.ts';
import { chooseProvider } from './message-provider.ts';
import { messagingSettings } from './messaging-settings.ts';
import { type ProviderSummary, previewProvider } from './provider-preview.ts';
import type { ResolvedRecipients } from './recipients.ts';
import { messageKey } from './step-sources.ts';

/** The channels that send one message per recipient: each names both a provider kind and an outbox channel. */
export type MessageChannel = 'email' | 'sms' | 'zns';

type Handles = { [H in ProviderHandle as H['kind']]: H };
type ProviderOf<C extends MessageChannel> = Handles[C]['provider'];

/** What a messaging step would send, or why it cannot start (its code and bilingual reason). */
export type Planned<Plan> = { ok: true; plan: Plan } | { ok: false; code: string; text: Message };

type StepConfig = { provider: string };
type MessagePlan = { recipients: ResolvedRecipients };

/** What one recipient's outbox row keeps and how its message goes out; the step supplies the rest. */
export type MessageDelivery = Pick<
  DeliverOnceInput,
  'subject' | 'body' | 'payload' | 'attachments' | 'leaseMs' | 'send'
>;

/** A planned message as its provider sends it: one delivery per recipient, and what the step's output shows. */
export type OutgoingMessage = {
  delivery: (recipient: { to: string; idempotencyKey: string }) => MessageDelivery;
  output: Record<string, unknown>;
};

/** What is particular to a messaging step: its channel, how it plans its message, how that goes out. */
export type MessagingStep<Config extends StepConfig, Plan extends MessagePlan, C extends MessageChannel> = {
  channel: C;
  plan: (scope: ExecutionScope, config: Config) => Promise<Planned<Plan>>;
  message: (args: {
    scope: RunContext<Config>;
    plan: Plan;
    provider: ProviderOf<C>;
  }) => OutgoingMessage | Promise<OutgoingMessage>;
};

const providerNames: Record<MessageChannel, string> = { email: 'an email', sms: 'an SMS', zns: 'a ZNS' };

const isOf = <C extends MessageChannel>(handle: ProviderHandle, channel: C): handle is Handles[C] =>
  handle.kind === channel;

/**
 * Runs a messaging step: plans its message, chooses the provider of its channel (see
 * `chooseProvider`), and sends to each recipient through the outbox at most once per (run, node,
 * recipient), so a retried or redelivered step never sends anyone a message twice. A message that
 * cannot be planned or a provider that cannot be used fails the step once, before anything is
 * sent; otherwise the result comes from what happened to each recipient, unreachable ones included.
 */
export async function sendPlanned<
  Config extends StepConfig,
  Plan extends MessagePlan,
  C extends MessageChannel,
>(scope: RunContext<Config>, step: MessagingStep<Config, Plan, C>): Promise<ExecutorResult> {
  const planned = await step.plan(scope, scope.config);
  if (!planned.ok) return setupFailure({ scope, code: planned.code, text: planned.text });
  const { plan } = planned;
  const settings = messagingSettings();
  const chosen = await chooseProvider({
    db: scope.db,
    orgId: scope.org.id,
    kind: step.channel,
    ref: scope.config.provider,
    secretKey: settings.secretKey,
    env: settings.env,
    allowPrivateNetwork: scope.org.settings.allowPrivateNetwork === true,
  });
  if (!chosen.ok) return setupFailure({ scope, code: chosen.code, text: chosen.message });
  // Only rows of the kind asked for are chosen: another kind is a bug, not a step's failure.
  if (!isOf(chosen.handle, step.channel))
    throw new Error(`Provider ${chosen.providerId} is not ${providerNames[step.channel]} provider`);
  const message = await step.message({ scope, plan, provider: chosen.handle.provider });
  const reports = [];
  for (const destination of plan.recipients.destinations) {
    const idempotencyKey = messageKey({
      runId: scope.run.id,
      nodeId: scope.node.id,
      recipient: destination.to,
    });
    const delivered = await deliverOnce({
      db: scope.db,
      orgId: scope.org.id,
      idempotencyKey,
      channel: step.channel,
      providerId: chosen.providerId,
      recipient: destination.to,
      runId: scope.run.id,
      nodeId: scope.node.id,
      ...message.delivery({ to: destination.to, idempotencyKey }),
    });
    reports.push(reportOf(destination, delivered));
  }
  return stepResultOf({
    scope,
    channel: step.channel,
    reports: [...reports, ...unreachableReports(plan.recipients.unreachable, scope.org.locale)],
    output: { provider: providerOutput(chosen), ...message.output },
  });
}

/** The provider as a step's output names it: its id, adapter and name (null: the system email). */
export const providerOutput = (chosen: {
  providerId: string | null;
  row: { name: string } | null;
  handle: { adapter: string };
}) => ({ id: chosen.providerId, adapter: chosen.handle.adapter, name: chosen.row?.name ?? null });

/** A messaging step's preview so far: its plan, the provider it would use, whom it would reach. */
export type PlannedPreview<Plan> = {
  plan: Plan;
  provider: ProviderSummary;
  to: string[];
  unreachable: RecipientReport[];
};

/**
 * What a messaging step would send and through which provider, nothing decrypted or sent; a
 * message that cannot be planned or a provider that does not exist is the preview's error.
 */
export async function previewPlanned<Config extends StepConfig, Plan extends MessagePlan>(
  scope: PreviewContext<Config>,
  step: Pick<MessagingStep<Config, Plan, MessageChannel>, 'channel' | 'plan'>,
): Promise<{ ok: true; planned: PlannedPreview<Plan> } | { ok: false; result: PreviewResult }> {
  const locale = scope.org.locale;
  const planned = await step.plan(scope, scope.config);
  if (!planned.ok) return { ok: false, result: { status: 'error', reason: planned.text[locale] } };
  const { plan } = planned;
  const chosen = await previewProvider({ scope, kind: step.channel, ref: scope.config.provider });
  if (!chosen.ok) return { ok: false, result: { status: 'error', reason: chosen.reason } };
  return {
    ok: true,
    planned: {
      plan,
      provider: chosen.provider,
      to: plan.recipients.destinations.map((d) => d.to),
      unreachable: unreachableReports(plan.recipients.unreachable, locale),
    },
  };
}
