import { emailTemplates, printTemplates, smsTemplates, znsTemplates } from '@crmflow/db';
import { text } from '@crmflow/flow';
import type { Message } from '@crmflow/flow/messaging';
import { and, eq } from 'drizzle-orm';
import type { ExecutionScope } from '../executor.ts';
import { isUuid, loadMergeSource, type MergeSource } from './merge-source.ts';

/**
 * The run's snapshot (`scope.snapshot`, the record as the triggering event left it) with what its
 * merge fields and recipients read, from the step's scope: the texts and the addresses taken
 * from the record's own fields match what triggered the run; related records are read now.
 */
export function mergeSourceOf(scope: ExecutionScope, userIds: readonly string[] = []): Promise<MergeSource> {
  const { org, record } = scope;
  return loadMergeSource({
    db: scope.db,
    orgId: org.id,
    module: org.catalog[record.module],
    catalog: org.catalog,
    locale: org.locale,
    timeZone: org.timeZone,
    record: scope.snapshot,
    userIds,
  });
}

/** The template a step names is gone: which kind, and where to choose or make another. */
export const templateMissing = (what: Message, _id: string): Message =>
  text('step.template_missing', { what });

type Scoped = { scope: ExecutionScope; id: string };

export async function emailTemplateOf({ scope, id }: Scoped) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.orgId, scope.org.id), eq(emailTemplates.id, id)));
  return row;
}

export async function smsTemplateOf({ scope, id }: Scoped) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(smsTemplates)
    .where(and(eq(smsTemplates.orgId, scope.org.id), eq(smsTemplates.id, id)));
  return row;
}

export async function znsTemplateOf({ scope, id }: Scoped) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(znsTemplates)
    .where(and(eq(znsTemplates.orgId, scope.org.id), eq(znsTemplates.id, id)));
  return row;
}

export async function printTemplateOf({ scope, id }: Scoped) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(printTemplates)
    .where(and(eq(printTemplates.orgId, scope.org.id), eq(printTemplates.id, id)));
  return row;
}

/** The idempotency key of one message of a step: a retry of the step finds it and sends nothing again. */
export const messageKey = (args: { runId: string; nodeId: string; recipient: string }) =>
  `${args.runId}:${args.nodeId}:${args.recipient.toLowerCase()}`;
