import { organizations, recordHistory } from '@crmflow/db';
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { action, condition, settledRuns } from '../../test/fixtures.ts';
import { useWorkerBed } from '../../test/runtime-bed.ts';
import { QUEUES } from '../queues.ts';
import { purgeRecordHistory } from './record-history.ts';
import { updateRecord } from './record-store.ts';

const bed = useWorkerBed();
const db = () => bed.database.db;

const historyOf = (recordId: string) =>
  db()
    .select()
    .from(recordHistory)
    .where(eq(recordHistory.recordId, recordId))
    .orderBy(asc(recordHistory.at));

/** Each field's old and new value, as the timeline shows them. */
const fieldChanges = (row: { changed: string[]; before: unknown; after: unknown }) =>
  Object.fromEntries(
    row.changed.map((field) => [
      field,
      [
        (row.before as Record<string, unknown> | null)?.[field] ?? null,
        (row.after as Record<string, unknown> | null)?.[field] ?? null,
      ],
    ]),
  );

describe('record history', { timeout: 60_000 }, () => {
  it('keeps create, edit and delete by a user with each field old and new, one row per event', async () => {
    const account = await bed.write.create('account', { name: 'Hoa Mai', industry: 'retail' });
    await bed.write.update('account', account.id, { industry: 'technology', phone: '0901234567' });
    await bed.write.update('account', account.id, { industry: 'technology' });
    await bed.write.remove('account', account.id);
    const rows = await historyOf(account.id);
    expect(rows.map((row) => row.operation)).toEqual(['create', 'update', 'delete']);
    expect(rows.every((row) => row.actorUserId === bed.user(0) && row.source === 'ui')).toBe(true);
    expect(rows.every((row) => row.runId === null && row.orgId === bed.org.id)).toBe(true);
    expect(fieldChanges(rows[1] ?? { changed: [], before: null, after: null })).toEqual({
      industry: ['retail', 'technology'],
      phone: [null, '0901234567'],
    });
    expect(rows[2]?.after).toBeNull();
    const jobs = await db().execute<{ id: string }>(
      sql`select id from pgboss.job where name = ${QUEUES.recordChanged} and data->>'recordId' = ${account.id}`,
    );
    expect(jobs.map((job) => job.id).sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it('keeps nothing for a refused write (stale version, bad value): history commits with the write', async () => {
    const lead = await bed.write.create('lead', { name: 'Khách A' });
    const context = {
      db: db(),
      boss: bed.boss,
      orgId: bed.org.id,
      module: 'lead' as const,
      actor: { userId: bed.user(0), source: 'api' as const },
      causation: { depth: 0, chain: [] },
    };
    await expect(
      updateRecord({ ...context, id: lead.id, data: { name: 'B' }, version: 7 }),
    ).rejects.toThrow();
    await expect(
      updateRecord({ ...context, id: lead.id, data: { email: 'không phải email' } }),
    ).rejects.toThrow();
    expect(await historyOf(lead.id)).toHaveLength(1);
  });

  it('keeps every row of a batch import, creates and edits alike', async () => {
    const existing = await bed.write.create('contact', { name: 'Chị Lan' });
    const result = await bed.write.import('contact', [
      { data: { name: 'Anh Minh' }, externalId: 'x-1' },
      { id: existing.id, data: { title: 'Kế toán' } },
      { externalId: 'x-1', data: { title: 'Giám đốc' } },
    ]);
    expect(result).toMatchObject({ created: 1, updated: 2, failed: [] });
    const edited = await historyOf(existing.id);
    expect(edited.map((row) => [row.operation, row.source])).toEqual([
      ['create', 'ui'],
      ['update', 'ui'],
    ]);
    expect(fieldChanges(edited[1] ?? { changed: [], before: null, after: null })).toEqual({
      title: [null, 'Kế toán'],
    });
    const [minh] = await db()
      .select({ recordId: recordHistory.recordId })
      .from(recordHistory)
      .where(sql`${recordHistory.after}->>'name' = 'Anh Minh'`);
    const minhRows = await historyOf(minh?.recordId ?? '');
    expect(minhRows.map((row) => row.operation)).toEqual(['create', 'update']);
  });

  it('names the run and workflow of changes a flow made: own record, related record, owner and task', async () => {
    const wf = await bed.workflow({
      module: 'contact',
      trigger: { on: 'create' },
      edges: ['t>c', 'c>own:true', 'c>rel:true', 'c>owner:true', 'c>task:true'],
      nodes: [
        condition('c', 'name', 'Chị Hoa'),
        action('own', 'update_fields', { values: [{ field: 'title', value: 'Khách mới' }] }),
        action('rel', 'update_fields', {
          target: { via: 'account_id' },
          values: [{ field: 'industry', value: 'retail' }],
        }),
        action('owner', 'assign_owner', { mode: 'user', userId: bed.user(1) }),
        action('task', 'create_task', {
          title: 'Gọi #name',
          dueInDays: 1,
          taskType: 'call',
          priority: 'normal',
          assignee: { user: bed.user(2) },
          related: [],
        }),
      ],
    });
    const account = await bed.write.create('account', { name: 'Công ty Sen' });
    const contact = await bed.write.create('contact', { name: 'Chị Hoa', account_id: account.id });
    const [run] = await settledRuns(db(), wf, 1);
    expect(run?.status).toBe('succeeded');
    const byRun = await db()
      .select()
      .from(recordHistory)
      .where(eq(recordHistory.runId, run?.id ?? ''));
    expect(byRun.every((row) => row.workflowId === wf && row.source === 'workflow')).toBe(true);
    expect(byRun.every((row) => row.actorUserId === null && row.depth === 1)).toBe(true);
    const changes = byRun.map((row) => ({ record: row.recordId, op: row.operation, ...fieldChanges(row) }));
    expect(changes).toEqual(
      expect.arrayContaining([
        { record: contact.id, op: 'update', title: [null, 'Khách mới'] },
        { record: account.id, op: 'update', industry: [null, 'retail'] },
        { record: contact.id, op: 'update', owner_id: [bed.user(0), bed.user(1)] },
      ]),
    );
    expect(byRun.some((row) => row.module === 'task' && row.operation === 'create')).toBe(true);
  });

  it('purges rows older than the organization retention (180 days by default)', async () => {
    const lead = await bed.write.create('lead', { name: 'Cũ' });
    await bed.write.update('lead', lead.id, { name: 'Cũ hơn' });
    const [first, second] = await historyOf(lead.id);
    await db()
      .update(recordHistory)
      .set({ at: sql`now() - interval '181 days'` })
      .where(eq(recordHistory.id, first?.id ?? ''));
    await db()
      .update(recordHistory)
      .set({ at: sql`now() - interval '20 days'` })
      .where(eq(recordHistory.id, second?.id ?? ''));
    expect(await purgeRecordHistory(db())).toBeGreaterThanOrEqual(1);
    expect((await historyOf(lead.id)).map((row) => row.id)).toEqual([second?.id]);
    await db()
      .update(organizations)
      .set({ settings: sql`settings || '{"historyRetentionDays": 10}'::jsonb` })
      .where(eq(organizations.id, bed.org.id));
    await purgeRecordHistory(db());
    expect(await historyOf(lead.id)).toEqual([]);
  });
});
