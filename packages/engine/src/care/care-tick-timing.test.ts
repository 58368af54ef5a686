import { careSchedules, runSteps, runs, workflows } from '@crmflow/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCareVersion,
  type CareTestbed,
  careGraph,
  careRunsOf,
  insertCareProcess,
  insertRecords,
  openCareTestbed,
  queuedStepJobs,
  silentLogger,
} from './care.testing.ts';
import { CARE_TICK_CRON, CARE_TICK_QUEUE, careTickHandler, startCareScheduler } from './care-scheduler.ts';
import { runCareTick } from './care-tick.ts';

const at = (iso: string) => new Date(iso);
const longAgo = at('2024-01-01T00:00:00Z');

let bed: CareTestbed;
beforeAll(async () => {
  bed = await openCareTestbed();
}, 60_000);
afterAll(async () => bed?.close());

const tick = (now: Date) =>
  runCareTick({ database: bed.database, boss: bed.boss, logger: silentLogger }, now);

/** A fresh organization with contacts born on `birthdays` and an active birthday process. */
async function birthdayProcess(args: { birthdays: string[]; lastScheduledOn?: string; activatedAt?: Date }) {
  const { db } = bed.database;
  const { orgId, ownerId } = await bed.addOrganization();
  const ids = await insertRecords({
    db,
    orgId,
    module: 'contact',
    rows: args.birthdays.map((birthday) => ({ data: { name: `KH ${birthday}`, birthday }, ownerId })),
  });
  const graph = careGraph({ trigger: { dateField: 'birthday' } });
  const process = await insertCareProcess({
    db,
    orgId,
    module: 'contact',
    graph,
    activatedAt: args.activatedAt ?? longAgo,
  });
  if (args.lastScheduledOn) {
    await db
      .insert(careSchedules)
      .values({ workflowId: process.id, orgId, lastScheduledOn: args.lastScheduledOn });
  }
  const byBirthday = new Map(args.birthdays.map((birthday, i) => [birthday, ids[i] ?? '']));
  return { ...process, orgId, byBirthday };
}

const occurrences = async (workflowId: string) =>
  (await careRunsOf(bed.database.db, workflowId)).map((r) => r.occurrence);

describe('when a care process runs', { timeout: 60_000 }, () => {
  it('runs at 08:00 in Ho Chi Minh City, which is 01:00 UTC, not 08:00 UTC', async () => {
    const p = await birthdayProcess({ birthdays: ['1990-05-20'], lastScheduledOn: '2025-05-19' });
    await tick(at('2025-05-20T00:59:59Z'));
    expect(await occurrences(p.id)).toEqual([]);
    await tick(at('2025-05-20T01:00:00Z'));
    expect(await occurrences(p.id)).toEqual(['2025-05-20']);
    const later = await tick(at('2025-05-20T08:00:00Z'));
    expect(later.map((o) => o.workflowId)).not.toContain(p.id);
    expect(await occurrences(p.id)).toEqual(['2025-05-20']);
  });

  it('catches up once after downtime, and a second tick the same day creates nothing', async () => {
    const birthdays = ['1990-05-17', '1990-05-18', '1991-05-19', '1992-05-20', '1993-05-21'];
    const p = await birthdayProcess({ birthdays, lastScheduledOn: '2025-05-17' });
    const first = await tick(at('2025-05-20T08:00:00Z'));
    expect(first.find((o) => o.workflowId === p.id)).toMatchObject({
      days: { from: '2025-05-18', to: '2025-05-20' },
      runs: 3,
    });
    expect(await occurrences(p.id)).toEqual(['2025-05-18', '2025-05-19', '2025-05-20']);
    const second = await tick(at('2025-05-20T09:00:00Z'));
    expect(second.find((o) => o.workflowId === p.id)).toBeUndefined();
    expect(await occurrences(p.id)).toHaveLength(3);
    expect(await queuedStepJobs(bed.database.db, p.id)).toBe(3);
    const [state] = await bed.database.db
      .select()
      .from(careSchedules)
      .where(eq(careSchedules.workflowId, p.id));
    expect(state?.lastScheduledOn).toBe('2025-05-20');
  });

  it('catches up at most a week', async () => {
    const p = await birthdayProcess({
      birthdays: ['1990-05-13', '1990-05-14', '1990-05-20'],
      lastScheduledOn: '2025-01-01',
    });
    await tick(at('2025-05-20T02:00:00Z'));
    expect(await occurrences(p.id)).toEqual(['2025-05-14', '2025-05-20']);
  });

  it('applies edits made after today’s run from tomorrow, each run pinned to its version', async () => {
    const { db } = bed.database;
    const p = await birthdayProcess({
      birthdays: ['1990-05-20', '1990-05-21', '1990-05-22'],
      lastScheduledOn: '2025-05-19',
    });
    await tick(at('2025-05-20T02:00:00Z'));
    await db.update(workflows).set({ status: 'inactive', activatedAt: null }).where(eq(workflows.id, p.id));
    const dayBefore = careGraph({ trigger: { dateField: 'birthday', offsetDays: -1 } });
    const v2 = await addCareVersion({ db, workflowId: p.id, orgId: p.orgId, graph: dayBefore });
    await db
      .update(workflows)
      .set({ status: 'active', activatedAt: at('2025-05-20T03:00:00Z') })
      .where(eq(workflows.id, p.id));
    await tick(at('2025-05-20T03:01:00Z'));
    expect(await careRunsOf(db, p.id)).toEqual([
      { recordId: p.byBirthday.get('1990-05-20'), occurrence: '2025-05-20', versionId: p.versionId },
    ]);
    await tick(at('2025-05-21T02:00:00Z'));
    expect(await careRunsOf(db, p.id)).toEqual([
      { recordId: p.byBirthday.get('1990-05-20'), occurrence: '2025-05-20', versionId: p.versionId },
      { recordId: p.byBirthday.get('1990-05-22'), occurrence: '2025-05-22', versionId: v2 },
    ]);
  });

  it('starts one run per record when two schedulers tick the same minute', async () => {
    const birthdays = Array.from({ length: 300 }, (_, i) => `${1950 + (i % 60)}-05-20`);
    const p = await birthdayProcess({ birthdays, lastScheduledOn: '2025-05-19' });
    const other = await bed.secondProcess();
    try {
      const now = at('2025-05-20T01:00:30Z');
      const [a, b] = await Promise.all([
        runCareTick({ database: bed.database, boss: bed.boss, logger: silentLogger, batchSize: 25 }, now),
        runCareTick({ database: other.database, boss: other.boss, logger: silentLogger, batchSize: 25 }, now),
      ]);
      const started = [...a, ...b].filter((o) => o.workflowId === p.id).reduce((sum, o) => sum + o.runs, 0);
      expect(started).toBe(300);
    } finally {
      await other.close();
    }
    const { db } = bed.database;
    const [counts] = await db
      .select({
        runs: sql<number>`count(*)::int`,
        records: sql<number>`count(distinct ${runs.recordId})::int`,
      })
      .from(runs)
      .where(eq(runs.workflowId, p.id));
    expect(counts).toEqual({ runs: 300, records: 300 });
    const [steps] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(runSteps)
      .innerJoin(runs, eq(runs.id, runSteps.runId))
      .where(eq(runs.workflowId, p.id));
    expect(steps?.n).toBe(600);
    expect(await queuedStepJobs(db, p.id)).toBe(300);
  });
});

describe('the pg-boss schedule', { timeout: 30_000 }, () => {
  it('is a cron every minute in UTC, and its handler ticks on the clock it is given', async () => {
    const scheduler = await startCareScheduler({
      database: bed.database,
      boss: bed.boss,
      logger: silentLogger,
    });
    await scheduler.stop();
    const [schedule] = await bed.boss.getSchedules(CARE_TICK_QUEUE);
    expect(schedule).toMatchObject({ name: CARE_TICK_QUEUE, cron: CARE_TICK_CRON, options: { tz: 'UTC' } });
    const p = await birthdayProcess({ birthdays: ['1990-06-01'], lastScheduledOn: '2025-05-31' });
    const handler = careTickHandler({
      database: bed.database,
      boss: bed.boss,
      logger: silentLogger,
      now: () => at('2025-06-01T01:05:00Z'),
    });
    await handler();
    expect(await occurrences(p.id)).toEqual(['2025-06-01']);
  });
});
