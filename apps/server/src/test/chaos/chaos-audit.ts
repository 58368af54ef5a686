import type { Database } from '@crmflow/db';
import { messageIdFor } from '@crmflow/engine';
import { sleep } from '../processes.ts';
import type { ChaosWorkflows, ChaosWorkload } from './chaos-workload.ts';

/** One workflow's runs against the committed edits that should each have started one. */
export type RunCount = {
  present: number;
  succeeded: number;
  /** Committed edits without a run of this workflow. */
  missing: number;
  /** Runs whose event is not a committed edit. */
  stray: number;
  /** For a few runs that did not succeed: their status, their steps' and their jobs' states. */
  unfinished?: string[];
};

/** An effect counted per run: how many there are, and how many beyond one per run. */
export type EffectCount = { count: number; duplicates: number; samples?: string[] };

export type ChaosAudit = {
  /** Edits committed, read from the record history (one row per committed write). */
  edits: number;
  runs: Record<keyof ChaosWorkflows, RunCount>;
  updates: EffectCount;
  notifications: EffectCount;
  tasks: EffectCount;
  emails: {
    outbox: number;
    /** Settled as sent after a lapsed claim whose message had been handed over. */
    presumed: number;
    received: number;
    duplicates: number;
    /** Messages of the workflow's outbox the SMTP server never got. */
    missing: number;
    /** Messages the SMTP server got that no outbox row accounts for. */
    unexpected: number;
  };
};

const open = (database: Database, workload: ChaosWorkload) => database.sql<
  { edits: number; finished: number; jobs: number; outbox: number }[]
>`
  select
    (select count(*)::int from record_history
      where org_id = ${workload.orgId} and module = 'contact' and operation = 'update' and depth = 0) as edits,
    (select count(*)::int from runs where org_id = ${workload.orgId}
      and status in ('succeeded', 'failed', 'skipped', 'dropped')) as finished,
    (select count(*)::int from pgboss.job
      where name in ('record.changed', 'workflow.step') and state in ('created', 'retry', 'active')) as jobs,
    (select count(*)::int from outbox where org_id = ${workload.orgId} and status not in ('sent', 'captured')) as outbox`;

/**
 * Waits until every committed edit's three runs are over, no event or step job is left and the
 * outbox is settled; gives up (and lets the audit say what is missing) when nothing moved for
 * `stallMs`, or at `deadlineMs` whatever moves. Looks every `pollMs` (default 500). Returns how
 * long it waited.
 */
export async function waitUntilSettled(args: {
  database: Database;
  workload: ChaosWorkload;
  stallMs: number;
  deadlineMs?: number;
  pollMs?: number;
  onProgress?: (line: string) => void;
}): Promise<number> {
  const start = Date.now();
  const deadline = start + (args.deadlineMs ?? Number.POSITIVE_INFINITY);
  let last = '';
  let lastChange = Date.now();
  for (;;) {
    const [row] = await open(args.database, args.workload).catch(() => []);
    const waited = () => `${((Date.now() - start) / 1000).toFixed(1)} s`;
    if (row) {
      const state = `runs finished ${row.finished} / ${row.edits * 3}, jobs open ${row.jobs}, outbox open ${row.outbox}`;
      if (row.finished >= row.edits * 3 && row.jobs === 0 && row.outbox === 0) return Date.now() - start;
      if (state !== last) {
        last = state;
        lastChange = Date.now();
        args.onProgress?.(`${waited()}  ${state}`);
      }
    }
    if (Date.now() - lastChange > args.stallMs) {
      args.onProgress?.(`${waited()}  nothing moved for ${args.stallMs / 1000} s: giving up`);
      return Date.now() - start;
    }
    if (Date.now() >= deadline) {
      args.onProgress?.(`${waited()}  deadline: giving up`);
      return Date.now() - start;
    }
    await sleep(args.pollMs ?? 500);
  }
}

async function runCount(database: Database, orgId: string, workflowId: string): Promise<RunCount> {
  const [row] = await database.sql<RunCount[]>`
    with edits as (
      select id from record_history
      where org_id = ${orgId} and module = 'contact' and operation = 'update' and depth = 0)
    select
      (select count(*)::int from runs where workflow_id = ${workflowId}) as present,
      (select count(*)::int from runs where workflow_id = ${workflowId} and status = 'succeeded') as succeeded,
      (select count(*)::int from edits e where not exists (
        select 1 from runs r where r.workflow_id = ${workflowId} and r.event_id = e.id)) as missing,
      (select count(*)::int from runs r where r.workflow_id = ${workflowId}
        and not exists (select 1 from edits e where e.id = r.event_id)) as stray`;
  const unfinished = await database.sql<{ line: string }[]>`
    select r.id || ' ' || r.status || ' steps [' ||
      coalesce((select string_agg(s.node_id || ':' || s.status || '/' || s.attempts, ' ' order by s.node_id)
        from run_steps s where s.run_id = r.id), '') || '] jobs [' ||
      coalesce((select string_agg(j.name || ':' || j.state || '/' || j.retry_count, ' ')
        from pgboss.job j where j.data::text like '%' || r.id::text || '%'), '') || ']' as line
    from runs r where r.workflow_id = ${workflowId} and r.status <> 'succeeded' limit 5`;
  const counted = row ?? { present: 0, succeeded: 0, missing: 0, stray: 0 };
  return unfinished.length > 0 ? { ...counted, unfinished: unfinished.map((u) => u.line) } : counted;
}

/** Reads what the runs did, from the database and from the SMTP server's own count. */
export async function auditChaos(args: {
  database: Database;
  workload: ChaosWorkload;
  received: readonly { messageId: string }[];
}): Promise<ChaosAudit> {
  const { database, workload } = args;
  const { orgId, workflows } = workload;
  const [edits] = await database.sql<{ n: number }[]>`
    select count(*)::int as n from record_history
    where org_id = ${orgId} and module = 'contact' and operation = 'update' and depth = 0`;
  // Writes a run made: its record's title (workflow a) and the tasks it created (workflow c).
  const [effects] = await database.sql<
    {
      updates: number;
      updateRuns: number;
      tasks: number;
      taskRuns: number;
      notes: number;
      noteKeys: number;
    }[]
  >`
    select
      (select count(*)::int from record_history where org_id = ${orgId} and workflow_id = ${workflows.update}
        and module = 'contact' and operation = 'update') as "updates",
      (select count(distinct run_id)::int from record_history where org_id = ${orgId}
        and workflow_id = ${workflows.update} and module = 'contact' and operation = 'update') as "updateRuns",
      (select count(*)::int from record_history where org_id = ${orgId} and workflow_id = ${workflows.task}
        and module = 'task' and operation = 'create') as "tasks",
      (select count(distinct run_id)::int from record_history where org_id = ${orgId}
        and workflow_id = ${workflows.task} and module = 'task' and operation = 'create') as "taskRuns",
      (select count(*)::int from notifications where org_id = ${orgId} and run_id is not null) as "notes",
      (select count(distinct (run_id, node_id, user_id))::int from notifications
        where org_id = ${orgId} and run_id is not null) as "noteKeys"`;
  // For a run that wrote its record twice: when, what, and how often its step was attempted.
  const twice = await database.sql<{ run: string; writes: string; attempts: number }[]>`
    select h.run_id as run, string_agg(to_char(h.at, 'HH24:MI:SS.MS') || ' ' || (h.after ->> 'title'), ', ' order by h.at) as writes,
      max(s.attempts)::int as attempts
    from record_history h left join run_steps s on s.run_id::text = h.run_id and s.node_id = 'u'
    where h.org_id = ${orgId} and h.workflow_id = ${workflows.update} and h.operation = 'update'
    group by h.run_id having count(*) > 1 limit 5`;
  const outbox = await database.sql<{ key: string; presumed: boolean }[]>`
    select o.idempotency_key as key, coalesce((o.provider_response ->> 'presumed')::boolean, false) as presumed
    from outbox o join runs r on r.id = o.run_id
    where o.org_id = ${orgId} and r.workflow_id = ${workflows.email} and o.status = 'sent'`;
  const expected = new Set(
    outbox.map((row) => messageIdFor({ idempotencyKey: row.key, fromAddress: workload.fromAddress })),
  );
  const got = new Set(args.received.map((m) => m.messageId));
  const [update, email, task] = await Promise.all(
    [workflows.update, workflows.email, workflows.task].map((id) => runCount(database, orgId, id)),
  );
  const e = effects ?? { updates: 0, updateRuns: 0, tasks: 0, taskRuns: 0, notes: 0, noteKeys: 0 };
  return {
    edits: edits?.n ?? 0,
    runs: {
      update: update ?? { present: 0, succeeded: 0, missing: 0, stray: 0 },
      email: email ?? { present: 0, succeeded: 0, missing: 0, stray: 0 },
      task: task ?? { present: 0, succeeded: 0, missing: 0, stray: 0 },
    },
    updates: {
      count: e.updates,
      duplicates: e.updates - e.updateRuns,
      samples: twice.map((row) => `run ${row.run}: ${row.writes} (step attempts ${row.attempts})`),
    },
    notifications: { count: e.notes, duplicates: e.notes - e.noteKeys },
    tasks: { count: e.tasks, duplicates: e.tasks - e.taskRuns },
    emails: {
      outbox: outbox.length,
      presumed: outbox.filter((row) => row.presumed).length,
      received: args.received.length,
      duplicates: args.received.length - got.size,
      missing: [...expected].filter((id) => !got.has(id)).length,
      unexpected: [...got].filter((id) => !expected.has(id)).length,
    },
  };
}

/**
 * What must hold after the chaos: one run of each workflow per committed edit, all succeeded;
 * no effect twice; one email received per edit. Each broken promise is one line.
 */
export function auditFailures(audit: ChaosAudit): string[] {
  const failures: string[] = [];
  for (const [name, runs] of Object.entries(audit.runs)) {
    if (runs.present !== audit.edits || runs.missing > 0 || runs.stray > 0)
      failures.push(
        `workflow ${name}: ${runs.present} runs for ${audit.edits} edits (${runs.missing} missing, ${runs.stray} stray)`,
      );
    if (runs.succeeded !== runs.present)
      failures.push(
        `workflow ${name}: ${runs.present - runs.succeeded} runs did not succeed: ${(runs.unfinished ?? []).join('; ')}`,
      );
  }
  for (const [name, effect] of [
    ['updates', audit.updates],
    ['notifications', audit.notifications],
    ['tasks', audit.tasks],
  ] as const)
    if (effect.duplicates !== 0)
      failures.push(`${name}: ${effect.duplicates} duplicated; ${(effect.samples ?? []).join('; ')}`);
  if (audit.tasks.count !== audit.edits)
    failures.push(`tasks: ${audit.tasks.count} for ${audit.edits} edits`);
  // Workflow (a) notifies the owner, and (c) notifies the task's assignee: two per edit.
  if (audit.notifications.count !== audit.edits * 2)
    failures.push(`notifications: ${audit.notifications.count} for ${audit.edits} edits (two each)`);
  const { emails } = audit;
  if (emails.duplicates !== 0) failures.push(`emails: ${emails.duplicates} received twice`);
  if (emails.received - emails.duplicates !== audit.edits || emails.missing > 0 || emails.unexpected > 0)
    failures.push(
      `emails: ${emails.received - emails.duplicates} distinct received for ${audit.edits} edits (${emails.missing} missing, ${emails.unexpected} unexpected)`,
    );
  return failures;
}
