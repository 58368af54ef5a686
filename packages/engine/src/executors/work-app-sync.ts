import { users, workAppTasks } from '@crmflow/db';
import type { TaskWorkAppSync } from '@crmflow/flow';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { deliverOnce } from '../outbox/deliver-once.ts';
import type { RunContext } from './executor.ts';
import { type RecipientReport, reportOf } from './messaging/delivery-outcome.ts';
import { chooseProvider } from './messaging/message-provider.ts';
import { messagingSettings } from './messaging/messaging-settings.ts';
import { messageKey } from './messaging/step-sources.ts';

/** What the app said about the task, as kept in the outbox row's provider response. */
const Synced = z.object({ externalId: z.string(), url: z.string().nullable().optional() });
export type WorkAppLink = { externalId: string; url: string | null };

export type WorkAppSyncOutcome =
  | { ok: true; report: RecipientReport; link: WorkAppLink | null }
  | { ok: false; code: 'provider_missing' | 'misconfigured'; message: { vi: string; en: string } };

/**
 * "Đồng bộ sang ứng dụng công việc": the task created by the step is created in the work app too,
 * through the outbox under the key (run, node, "workapp"), so a retried step never creates it
 * there twice; the app's id and link are kept on the task (`work_app_tasks`).
 */
export async function syncTaskToWorkApp(args: {
  scope: RunContext<unknown>;
  sync: TaskWorkAppSync;
  task: { id: string; title: string; description: string; dueDate: string | null; assigneeId: string | null };
}): Promise<WorkAppSyncOutcome> {
  const { scope, sync, task } = args;
  const chosen = await chooseProvider({
    db: scope.db,
    orgId: scope.org.id,
    kind: 'workapp',
    ref: sync.providerId,
    secretKey: messagingSettings().secretKey,
  });
  if (!chosen.ok) return chosen;
  if (chosen.handle.kind !== 'workapp') throw new Error(`Provider ${chosen.providerId} is not a work app`);
  const { client } = chosen.handle;
  const [assignee] = task.assigneeId
    ? await scope.db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.orgId, scope.org.id), eq(users.id, task.assigneeId)))
    : [];
  const idempotencyKey = messageKey({ runId: scope.run.id, nodeId: scope.node.id, recipient: 'workapp' });
  const request = {
    idempotencyKey,
    projectId: sync.projectId,
    groupId: sync.groupId || null,
    title: task.title,
    description: task.description,
    dueDate: task.dueDate,
    assignee: assignee ?? null,
    sourceId: task.id,
  };
  const delivered = await deliverOnce({
    db: scope.db,
    orgId: scope.org.id,
    idempotencyKey,
    channel: 'workapp',
    providerId: chosen.providerId,
    recipient: `project:${sync.projectId}`,
    subject: task.title,
    body: JSON.stringify(request),
    payload: { taskId: task.id, projectId: sync.projectId, groupId: sync.groupId || null },
    runId: scope.run.id,
    nodeId: scope.node.id,
    send: () => client.createTask(request),
  });
  const answer =
    delivered.outcome === 'delivered'
      ? delivered.result.response
      : delivered.outcome === 'already_delivered'
        ? delivered.row.providerResponse
        : null;
  const synced = Synced.safeParse(answer);
  const link = synced.success ? { externalId: synced.data.externalId, url: synced.data.url ?? null } : null;
  if (link) {
    await scope.db
      .insert(workAppTasks)
      .values({
        orgId: scope.org.id,
        taskId: task.id,
        providerId: chosen.providerId,
        projectId: sync.projectId,
        groupId: sync.groupId || null,
        externalId: link.externalId,
        url: link.url,
      })
      .onConflictDoNothing();
  }
  return {
    ok: true,
    report: reportOf({ to: `project:${sync.projectId}`, source: 'workApp' }, delivered),
    link,
  };
}
