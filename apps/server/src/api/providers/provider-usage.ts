import type { WorkflowUse } from '@crmflow/contracts';
import type { Executor, ProviderKind } from '@crmflow/db';
import { AppError } from '../../errors/app-error.ts';
import { workflowsUsing } from '../workflows/workflows-using.ts';

/**
 * The step that sends through each kind of provider, the config key that names it, and what else
 * must hold for the step to use that kind at all (a task synced to the work app).
 */
const stepOf: Record<ProviderKind, { type: string; ref: string; guard?: string }> = {
  email: { type: 'send_email', ref: 'provider' },
  sms: { type: 'send_sms', ref: 'provider' },
  zns: { type: 'send_zalo_zns', ref: 'provider' },
  webhook: { type: 'webhook', ref: 'secretRef' },
  workapp: { type: 'create_task', ref: 'workApp.providerId', guard: '@.config.workApp.type() == "object"' },
};

/**
 * The SQL/JSON path of the steps that send through a provider: those naming it, and, when it is
 * its kind's default, those naming none.
 */
function usagePath(kind: ProviderKind, isDefault: boolean): string {
  const { type, ref, guard } = stepOf[kind];
  const named = `@.config.${ref} == $id`;
  const byDefault = `@.config.${ref} == "" || !(exists(@.config.${ref}))`;
  const uses = isDefault ? `${named} || ${byDefault}` : named;
  return `$.nodes[*] ? (@.type == "${type}"${guard ? ` && ${guard}` : ''} && (${uses}))`;
}

export async function workflowsUsingProvider(args: {
  db: Executor;
  orgId: string;
  provider: { id: string; kind: ProviderKind; isDefault: boolean };
  activeOnly?: boolean;
}): Promise<WorkflowUse[]> {
  const { provider } = args;
  return workflowsUsing({
    db: args.db,
    orgId: args.orgId,
    path: usagePath(provider.kind, provider.isDefault),
    vars: { id: provider.id },
    ...(args.activeOnly ? { activeOnly: true } : {}),
  });
}

/** A provider an active workflow sends through cannot go: it would fail every run. */
export async function refuseIfInUse(args: {
  db: Executor;
  orgId: string;
  provider: { id: string; kind: ProviderKind; isDefault: boolean };
}): Promise<void> {
  const names = (await workflowsUsingProvider({ ...args, activeOnly: true })).map((w) => w.name);
  if (names.length > 0) {
    throw new AppError('provider_in_use', {
      params: { workflows: names.join(', ') },
      details: { workflows: names },
    });
  }
}
