import type { DeliveryFailureCode } from '@crmflow/flow/messaging';
import { z } from 'zod';
import type { DeliveryResult } from './provider-types.ts';
import { signedRequest } from './signed-request.ts';

/**
 * An external work-management app (the reference's "AMIS Công việc") spoken to over JSON with our
 * signed requests: `GET {baseUrl}/projects`, `GET {baseUrl}/projects/:id/groups` and
 * `POST {baseUrl}/tasks`, which answers `{ id, url? }`.
 */
export const WorkAppConfig = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  timeoutMs: z.number().int().positive().max(120_000).default(15_000),
});
export type WorkAppConfig = z.infer<typeof WorkAppConfig>;

export const WorkAppSecrets = z.object({ apiKey: z.string().min(1), apiSecret: z.string().min(1) });
export type WorkAppSecrets = z.infer<typeof WorkAppSecrets>;

const Listed = z.object({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() });
const ListBody = z.union([z.array(Listed), z.object({ items: z.array(Listed) }).transform((b) => b.items)]);
export type WorkAppItem = z.infer<typeof Listed>;

/** What the app answered to a new task: its id there and, when it gives one, the link to it. */
export const SyncedTask = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  url: z.string().optional(),
});
export type SyncedTask = z.infer<typeof SyncedTask>;

export type WorkAppTask = {
  idempotencyKey: string;
  projectId: string;
  groupId: string | null;
  title: string;
  description: string;
  dueDate: string | null;
  assignee: { name: string; email: string } | null;
  /** Our task, for the app to link back to. */
  sourceId: string;
};

/**
 * A list the app answered, or why not: a delivery failure code (`network`, `auth`, `rejected`…)
 * or `bad_answer` when it answered 2xx with something other than a list of `{ id, name }`.
 */
export type WorkAppList =
  | { ok: true; items: WorkAppItem[] }
  | { ok: false; code: DeliveryFailureCode | 'bad_answer'; error: string };

export type WorkAppClient = {
  projects(): Promise<WorkAppList>;
  groups(projectId: string): Promise<WorkAppList>;
  createTask(task: WorkAppTask): Promise<DeliveryResult>;
};

export function workAppClient(app: {
  config: WorkAppConfig;
  secrets: WorkAppSecrets;
  /** The organization's `allowPrivateNetwork` (see outbound-guard.ts). */
  allowPrivate?: boolean;
}): WorkAppClient {
  const request = (args: { method: 'GET' | 'POST'; path: string; idempotencyKey?: string; body?: unknown }) =>
    signedRequest({
      baseUrl: app.config.baseUrl,
      timeoutMs: app.config.timeoutMs,
      credentials: app.secrets,
      allowPrivate: app.allowPrivate,
      ...args,
    });
  const list = async (path: string): Promise<WorkAppList> => {
    const result = await request({ method: 'GET', path });
    if (result.status === 'failed') return { ok: false, code: result.code, error: result.error };
    const parsed = ListBody.safeParse(result.response.body);
    return parsed.success
      ? { ok: true, items: parsed.data }
      : { ok: false, code: 'bad_answer', error: 'The answer is not a list of { id, name }' };
  };
  return {
    projects: () => list('/projects'),
    groups: (projectId) => list(`/projects/${encodeURIComponent(projectId)}/groups`),
    async createTask(task) {
      const { idempotencyKey, ...body } = task;
      const result = await request({
        method: 'POST',
        path: '/tasks',
        idempotencyKey,
        body: { requestId: idempotencyKey, ...body },
      });
      if (result.status === 'failed') return result;
      // A 2xx without the app's id for the task is not a sync we can point to.
      const synced = SyncedTask.safeParse(result.response.body);
      if (!synced.success) {
        return {
          status: 'failed',
          code: 'rejected',
          error: 'The app did not answer with the task id',
          retryable: false,
          response: result.response,
        };
      }
      return {
        status: 'sent',
        response: { ...result.response, externalId: synced.data.id, url: synced.data.url ?? null },
      };
    },
  };
}
