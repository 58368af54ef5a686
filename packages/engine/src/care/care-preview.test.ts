import { careSchedules } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CareTestbed,
  careGraph,
  insertCareProcess,
  insertRecords,
  openCareTestbed,
} from './care.testing.ts';
import { nextRunDates, PREVIEW_CAP, previewCareWorkflow } from './care-preview.ts';

describe('nextRunDates', () => {
  it.each([
    {
      name: 'daily, not run today',
      today: '2025-05-20',
      last: '2025-05-19',
      window: 'day' as const,
      first: ['2025-05-20', '2025-05-21'],
    },
    {
      name: 'daily, already run today',
      today: '2025-05-20',
      last: '2025-05-20',
      window: 'day' as const,
      first: ['2025-05-21', '2025-05-22'],
    },
    {
      name: 'weekly, this week not run',
      today: '2025-05-21',
      last: '2025-05-18',
      window: 'week' as const,
      first: ['2025-05-21', '2025-05-26'],
    },
    {
      name: 'weekly, this week run',
      today: '2025-05-21',
      last: '2025-05-19',
      window: 'week' as const,
      first: ['2025-05-26', '2025-06-02'],
    },
    {
      name: 'weekly, run on Sunday',
      today: '2025-05-25',
      last: '2025-05-25',
      window: 'week' as const,
      first: ['2025-05-26', '2025-06-02'],
    },
    {
      name: 'weekly across New Year',
      today: '2025-12-31',
      last: null,
      window: 'week' as const,
      first: ['2025-12-31', '2026-01-05'],
    },
  ])('$name', ({ today, last, window, first }) => {
    const dates = nextRunDates({ today, lastScheduledOn: last, window, count: 7 });
    expect(dates).toHaveLength(7);
    expect(dates.slice(0, 2)).toEqual(first);
  });
});

describe('previewCareWorkflow', { timeout: 60_000 }, () => {
  let bed: CareTestbed;
  let orgId: string;
  const now = new Date('2025-05-20T05:00:00Z');

  beforeAll(async () => {
    bed = await openCareTestbed();
    ({ orgId } = await bed.addOrganization());
    const rows = Array.from({ length: 130 }, (_, i) => ({
      data: {
        name: `Khách ${String(i).padStart(3, '0')}`,
        birthday: `${1950 + (i % 50)}-05-20`,
        ...(i % 2 ? { phone: '0912345678' } : {}),
      },
    }));
    await insertRecords({ db: bed.database.db, orgId, module: 'contact', rows });
  }, 120_000);
  afterAll(async () => bed?.close());

  const previewOf = async (graph: unknown) => {
    const { db } = bed.database;
    const process = await insertCareProcess({
      db,
      orgId,
      module: 'contact',
      graph,
      activatedAt: now,
      status: 'inactive',
    });
    const result = await previewCareWorkflow({
      db,
      orgId,
      workflowId: process.id,
      module: 'contact',
      graph,
      now,
    });
    if (!result.ok) throw new Error(result.error);
    return { ...result.preview, workflowId: process.id };
  };

  it.each([
    { name: 'every due record', condition: undefined, total: 130, listed: PREVIEW_CAP },
    {
      name: 'those that meet the condition',
      condition: { mode: 'criteria', logic: 'and', rules: [{ field: 'phone', op: 'not_empty' }] },
      total: 65,
      listed: 65,
    },
  ])('counts $name and lists at most 100', async ({ condition, total, listed }) => {
    const preview = await previewOf(
      careGraph({ trigger: { dateField: 'birthday' }, ...(condition ? { condition } : {}) }),
    );
    expect(preview.today).toMatchObject({ date: '2025-05-20', total });
    expect(preview.today.records).toHaveLength(listed);
    expect(preview.thisWeek.total).toBe(total);
    expect(preview.nextRuns[0]).toEqual({ date: '2025-05-20', total });
  });

  it('starts the next runs tomorrow once today has run', async () => {
    const graph = careGraph({ trigger: { dateField: 'birthday' } });
    const first = await previewOf(graph);
    await bed.database.db
      .insert(careSchedules)
      .values({ workflowId: first.workflowId, orgId, lastScheduledOn: '2025-05-20' });
    const result = await previewCareWorkflow({
      db: bed.database.db,
      orgId,
      workflowId: first.workflowId,
      module: 'contact',
      graph,
      now,
    });
    expect(result.ok && result.preview.nextRuns[0]).toEqual({ date: '2025-05-21', total: 0 });
  });
});
