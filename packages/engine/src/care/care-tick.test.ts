import { runSteps, runs, workflows } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CareTestbed,
  careGraph,
  careRunsOf,
  insertCareProcess,
  insertRecords,
  openCareTestbed,
  queuedStepJobs,
  setLeapDayRule,
  silentLogger,
} from './care.testing.ts';
import { runCareTick } from './care-tick.ts';

const at = (iso: string) => new Date(iso);
/** 09:00 in Ho Chi Minh City (UTC+7) on a day: after the usual 08:00 run time. */
const nineAm = (day: string) => at(`${day}T02:00:00Z`);

let bed: CareTestbed;
beforeAll(async () => {
  bed = await openCareTestbed();
}, 60_000);
afterAll(async () => bed?.close());

const deactivate = (id: string) =>
  bed.database.db
    .update(workflows)
    .set({ status: 'inactive', activatedAt: null })
    .where(eq(workflows.id, id));

const tick = (now: Date) =>
  runCareTick({ database: bed.database, boss: bed.boss, logger: silentLogger }, now);

/** A record's date value and, when it is due, the occurrence its run is for. */
type Dated = [date: string, occurrence: string | null];

type Case = {
  name: string;
  module: ModuleKey;
  field: string;
  trigger?: Record<string, unknown>;
  leapDay?: 'feb28' | 'mar1';
  day: string;
  records: Dated[];
};

/** A case on contacts' birthdays. */
const birthdays = (name: string, day: string, records: Dated[], more: Partial<Case> = {}): Case => ({
  name,
  module: 'contact',
  field: 'birthday',
  day,
  records,
  ...more,
});

describe('one tick selects the records due', { timeout: 30_000 }, () => {
  it.each<Case>([
    birthdays('birthdays today', '2025-05-20', [
      ['1990-05-20', '2025-05-20'],
      ['2001-05-20', '2025-05-20'],
      ['1990-05-21', null],
      ['1990-04-20', null],
    ]),
    birthdays(
      'birthdays in three days',
      '2025-05-20',
      [
        ['1985-05-23', '2025-05-23'],
        ['1985-05-20', null],
      ],
      { trigger: { offsetDays: -3 } },
    ),
    birthdays(
      'this ISO week, 29 Dec – 4 Jan',
      '2025-12-31',
      [
        ['1990-12-28', null],
        ['1990-12-29', '2025-12-29'],
        ['1988-12-31', '2025-12-31'],
        ['1991-01-04', '2026-01-04'],
        ['1991-01-05', null],
      ],
      { trigger: { window: 'week' } },
    ),
    birthdays('29 February on 28 February in a common year', '2025-02-28', [
      ['1996-02-29', '2025-02-28'],
      ['1990-02-28', '2025-02-28'],
      ['1990-03-01', null],
    ]),
    birthdays(
      '29 February on 1 March under the mar1 rule',
      '2025-03-01',
      [
        ['1996-02-29', '2025-03-01'],
        ['1990-03-01', '2025-03-01'],
        ['1990-02-28', null],
      ],
      { leapDay: 'mar1' },
    ),
    birthdays(
      'not on 28 February under the mar1 rule',
      '2025-02-28',
      [
        ['1996-02-29', null],
        ['1990-02-28', '2025-02-28'],
      ],
      { leapDay: 'mar1' },
    ),
    {
      name: 'founding anniversary',
      module: 'account',
      field: 'founded_date',
      day: '2025-05-20',
      records: [
        ['2010-05-20', '2025-05-20'],
        ['2026-05-20', null],
      ],
    },
    {
      name: 'once, seven days after the order date',
      module: 'order',
      field: 'order_date',
      trigger: { recurrence: 'once', offsetDays: 7 },
      day: '2025-05-20',
      records: [
        ['2025-05-13', '2025-05-13'],
        ['2024-05-13', null],
        ['2025-05-20', null],
      ],
    },
  ])('$name', async (c) => {
    const { db } = bed.database;
    const { orgId, ownerId } = await bed.addOrganization();
    await setLeapDayRule(db, orgId, c.leapDay ?? 'feb28');
    const ids = await insertRecords({
      db,
      orgId,
      module: c.module,
      rows: c.records.map(([date]) => ({
        data: { name: `Bản ghi ${date}`, code: `DH-${date}`, [c.field]: date },
        ownerId,
      })),
    });
    const graph = careGraph({ trigger: { dateField: c.field, ...c.trigger } });
    // Activated at 08:30 that day: the tick schedules that day only.
    const activatedAt = at(`${c.day}T01:30:00Z`);
    const process = await insertCareProcess({ db, orgId, module: c.module, graph, activatedAt });
    await tick(nineAm(c.day));
    const expected = c.records
      .flatMap(([, occurrence], i) =>
        occurrence ? [{ recordId: ids[i], occurrence, versionId: process.versionId }] : [],
      )
      .sort(
        (a, b) =>
          a.occurrence.localeCompare(b.occurrence) || String(a.recordId).localeCompare(String(b.recordId)),
      );
    expect(await careRunsOf(db, process.id)).toEqual(expected);
    expect(await queuedStepJobs(db, process.id)).toBe(expected.length);
    await deactivate(process.id);
  });
});

describe('conditions', { timeout: 30_000 }, () => {
  it('runs only the due records that meet them, and records the outcome as a step', async () => {
    const { db } = bed.database;
    const { orgId, ownerId } = await bed.addOrganization();
    const [withPhone, withoutPhone] = await insertRecords({
      db,
      orgId,
      module: 'contact',
      rows: [
        { data: { name: 'Chị Lan', birthday: '1990-05-20', phone: '0912345678' }, ownerId },
        { data: { name: 'Anh Tú', birthday: '1991-05-20' }, ownerId },
      ],
    });
    const graph = careGraph({
      trigger: { dateField: 'birthday' },
      condition: { mode: 'criteria', logic: 'and', rules: [{ field: 'phone', op: 'not_empty' }] },
    });
    const process = await insertCareProcess({
      db,
      orgId,
      module: 'contact',
      graph,
      activatedAt: at('2025-05-20T01:30:00Z'),
    });
    await tick(nineAm('2025-05-20'));
    const ran = await careRunsOf(db, process.id);
    expect(ran.map((r) => r.recordId)).toEqual([withPhone]);
    expect(ran.map((r) => r.recordId)).not.toContain(withoutPhone);
    const steps = await db
      .select({ nodeId: runSteps.nodeId, status: runSteps.status, output: runSteps.output })
      .from(runSteps)
      .innerJoin(runs, eq(runs.id, runSteps.runId))
      .where(eq(runs.workflowId, process.id))
      .orderBy(runSteps.nodeId);
    expect(steps).toMatchObject([
      { nodeId: 'condition', status: 'succeeded', output: { matched: true } },
      { nodeId: 'notify', status: 'pending' },
      {
        nodeId: 'trigger',
        status: 'succeeded',
        output: { occurrence: '2025-05-20', fireDate: '2025-05-20' },
      },
    ]);
    await deactivate(process.id);
  });
});
