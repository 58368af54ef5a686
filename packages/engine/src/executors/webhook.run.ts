import { render, text, WebhookConfig } from '@crmflow/flow';
import { deliverOnce } from '../outbox/deliver-once.ts';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { reportOf, setupFailure, stepResultOf } from './messaging/delivery-outcome.ts';
import { providerOutput } from './messaging/message-delivery.ts';
import { chooseProvider, WebhookEndpointConfig, webhookSecretOf } from './messaging/message-provider.ts';
import { messagingSettings } from './messaging/messaging-settings.ts';
import { previewProvider } from './messaging/provider-preview.ts';
import { messageKey } from './messaging/step-sources.ts';

/**
 * The JSON a receiver gets: which workflow step fired, for which record, and the record's
 * values as stored (see the contract's "Values in data"). `deliveryId` repeats the
 * `X-Crmflow-Delivery` header, the same on every attempt, so a repeat can be dropped.
 */
function webhookBody(args: {
  scope: ExecutionScope;
  config: WebhookConfig;
  deliveryId: string;
  runId: string | null;
}) {
  const { scope, config, deliveryId, runId } = args;
  return {
    event: 'workflow.webhook',
    deliveryId,
    organizationId: scope.org.id,
    workflow: { id: scope.workflowId },
    run: runId ? { id: runId } : null,
    node: { id: scope.node.id, name: config.name },
    record: {
      id: scope.record.id,
      module: scope.record.module,
      deleted: scope.record.deleted,
      ownerId: scope.record.ownerId,
      data: scope.record.data,
    },
    sentAt: scope.now.toISOString(),
  };
}

const noUrl = text('step.webhook_no_url');

/** The step's own URL, or else its endpoint provider's (`endpoint` is that provider's config). */
function stepUrl(config: WebhookConfig, endpoint: Record<string, unknown> | undefined): string {
  const own = config.url.trim();
  if (own !== '' || !endpoint) return own;
  const parsed = WebhookEndpointConfig.safeParse(endpoint);
  return parsed.success ? (parsed.data.url ?? '') : '';
}

const noSecret = text('step.webhook_no_secret');

/**
 * Webhook: the record POSTed as JSON to the configured URL, signed with the secret of the
 * webhook provider `secretRef` names (the organization's default when none), at most once per
 * (run, node, URL). Private and loopback addresses are refused unless the organization allows them.
 */
export const webhookExecutor = defineExecutor({
  schema: WebhookConfig,
  async run(ctx) {
    const settings = messagingSettings();
    const chosen = await chooseProvider({
      db: ctx.db,
      orgId: ctx.org.id,
      kind: 'webhook',
      ref: ctx.config.secretRef ?? '',
      secretKey: settings.secretKey,
    });
    if (!chosen.ok) return setupFailure({ scope: ctx, code: chosen.code, text: chosen.message });
    if (chosen.handle.kind !== 'webhook')
      throw new Error(`Provider ${chosen.providerId} is not a webhook provider`);
    const { sender } = chosen.handle;
    const secret = chosen.row ? webhookSecretOf({ row: chosen.row, secretKey: settings.secretKey }) : null;
    if (secret === null && chosen.handle.adapter !== 'capture')
      return setupFailure({ scope: ctx, code: 'misconfigured', text: noSecret });
    const url = stepUrl(ctx.config, chosen.row?.config);
    if (url === '') return setupFailure({ scope: ctx, code: 'misconfigured', text: noUrl });
    const idempotencyKey = messageKey({ runId: ctx.run.id, nodeId: ctx.node.id, recipient: url });
    const body = webhookBody({
      scope: ctx,
      config: ctx.config,
      deliveryId: idempotencyKey,
      runId: ctx.run.id,
    });
    const delivered = await deliverOnce({
      db: ctx.db,
      orgId: ctx.org.id,
      idempotencyKey,
      channel: 'webhook',
      providerId: chosen.providerId,
      recipient: url,
      body: JSON.stringify(body),
      payload: { url },
      runId: ctx.run.id,
      nodeId: ctx.node.id,
      // The request may take its full timeout; the claim must outlast it.
      leaseMs: ctx.config.timeoutMs + 60_000,
      send: () =>
        sender.post({
          url,
          body,
          secret: secret ?? '',
          timeoutMs: ctx.config.timeoutMs,
          allowPrivate: ctx.org.settings.allowPrivateNetwork === true,
          idempotencyKey,
        }),
    });
    const report = reportOf({ to: url, source: 'url' }, delivered);
    return stepResultOf({
      scope: ctx,
      channel: 'webhook',
      reports: [report],
      output: {
        provider: providerOutput(chosen),
        url,
        ...(report.httpStatus === undefined ? {} : { httpStatus: report.httpStatus }),
      },
    });
  },
  async preview(ctx) {
    const locale = ctx.org.locale;
    const chosen = await previewProvider({ scope: ctx, kind: 'webhook', ref: ctx.config.secretRef ?? '' });
    if (!chosen.ok) return { status: 'error', reason: chosen.reason };
    const url = stepUrl(ctx.config, chosen.config);
    const body = webhookBody({ scope: ctx, config: ctx.config, deliveryId: '(preview)', runId: null });
    const allowPrivate = ctx.org.settings.allowPrivateNetwork === true;
    const reason = render(locale, 'step.would_post', { url });
    return { status: 'would_run', reason, preview: { provider: chosen.provider, url, body, allowPrivate } };
  },
});
