import { addDays, dueCareOccurrence, isCalendarDate, isoWeekBounds, type LeapDayRule } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareTestbed, insertRecords, openCareTestbed } from './care.testing.ts';
import { careIndexName, ensureCareIndex } from './care-index.ts';
import { type CareSelector, countDueRecords, dueRecordBatches, explainDueRecords } from './care-select.ts';

/** Dates that test the edges: turns of the year, the end of February, leap days, random ones. */
function sampleDates(): string[] {
  const dates: string[] = [];
  for (let d = '1990-12-20'; d <= '1991-01-12'; d = addDays(d, 1)) dates.push(d);
  for (let d = '2000-02-24'; d <= '2000-03-03'; d = addDays(d, 1)) dates.push(d);
  dates.push(
    '1996-02-29',
    '2024-02-29',
    '2023-02-28',
    '2023-03-01',
    '2025-05-13',
    '2025-05-20',
    '2025-05-17',
  );
  dates.push('2025-12-31', '2026-01-02', '2026-01-05', '2030-01-01', '2024-12-27');
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < 300; i += 1) dates.push(addDays('1950-01-01', Math.floor(random() * 28_000)));
  return dates;
}

const todays = [
  '2025-05-20',
  '2024-12-30',
  '2025-01-01',
  '2025-02-28',
  '2025-03-01',
  '2024-02-29',
  '2024-02-28',
  '2025-12-31',
  '2020-12-28',
];
const schedules = (['yearly', 'once'] as const).flatMap((recurrence) =>
  (['day', 'week'] as const).flatMap((window) =>
    [0, -3, 7].map((offsetDays) => ({ recurrence, window, offsetDays })),
  ),
);
const cases = todays.flatMap((today) =>
  schedules.flatMap((schedule) =>
    (['feb28', 'mar1'] as const).map((leapDay) => ({ today, schedule, leapDay })),
  ),
);

describe('the SQL selection agrees with dueCareOccurrence', { timeout: 30_000 }, () => {
  let bed: CareTestbed;
  let contacts: { id: string; birthday: unknown }[];

  beforeAll(async () => {
    bed = await openCareTestbed();
    const { db } = bed.database;
    const dates = sampleDates();
    const odd = [
      '2025-02-30',
      '2023-02-29',
      '2025-04-31',
      '2025-5-20',
      'not a date',
      '1990-05-20T10:00:00Z',
      null,
      19900520,
    ];
    const rows = [...dates, ...odd].map((birthday) => ({ data: { name: `KH ${birthday}`, birthday } }));
    const ids = await insertRecords({ db, orgId: bed.orgId, module: 'contact', rows });
    contacts = ids.map((id, i) => ({ id, birthday: rows[i]?.data.birthday }));
    // Noise that must never be selected: deleted, another module, another organization.
    await insertRecords({
      db,
      orgId: bed.orgId,
      module: 'contact',
      rows: dates.map((birthday) => ({ data: { birthday }, deleted: true })),
    });
    await insertRecords({
      db,
      orgId: bed.orgId,
      module: 'lead',
      rows: dates.map((birthday) => ({ data: { birthday } })),
    });
    await ensureCareIndex({ database: bed.database, module: 'contact', field: 'birthday', kind: 'md' });
    await ensureCareIndex({ database: bed.database, module: 'contact', field: 'birthday', kind: 'date' });
  }, 60_000);
  afterAll(async () => bed?.close());

  it.each(cases)(
    '$today $schedule.recurrence $schedule.window offset $schedule.offsetDays ($leapDay)',
    async ({ today, schedule, leapDay }) => {
      const expected = contacts.flatMap(({ id, birthday }) => {
        if (!isCalendarDate(birthday)) return [];
        const due = dueCareOccurrence({
          dateValue: birthday,
          schedule,
          today,
          leapDay: leapDay satisfies LeapDayRule,
        });
        return due ? [`${id}@${due.occurrence}>${due.fireDate}`] : [];
      });
      const fire =
        schedule.window === 'day'
          ? { from: today, to: today }
          : (({ start, end }) => ({ from: start, to: end }))(isoWeekBounds(today));
      const selector: CareSelector = {
        orgId: bed.orgId,
        module: 'contact',
        trigger: { dateField: 'birthday', recurrence: schedule.recurrence, offsetDays: schedule.offsetDays },
        leapDay,
        fire,
      };
      const selected: string[] = [];
      for await (const batch of dueRecordBatches({ db: bed.database.db, selector, batchSize: 7 })) {
        selected.push(...batch.map((r) => `${r.id}@${r.occurrence}>${r.fireDate}`));
      }
      expect(selected.sort()).toEqual(expected.sort());
      expect(await countDueRecords({ db: bed.database.db, selector })).toBe(expected.length);
    },
  );

  it('has cases that select something, across the year and on leap days', () => {
    // Guards the table above against a sample that would make every case trivially empty.
    const hits = cases.filter(({ today, schedule, leapDay }) =>
      contacts.some(
        ({ birthday }) =>
          isCalendarDate(birthday) &&
          dueCareOccurrence({ dateValue: birthday, schedule, today, leapDay }) !== null,
      ),
    );
    expect(hits.length).toBeGreaterThan(cases.length * 0.5);
  });
});

describe('the selection uses the expression indexes', { timeout: 30_000 }, () => {
  let bed: CareTestbed;

  beforeAll(async () => {
    bed = await openCareTestbed();
    const { db } = bed.database;
    await db.execute(sql`
      insert into records (org_id, module, data)
      select ${bed.orgId}::uuid, 'contact', jsonb_build_object('name', 'KH ' || g, 'birthday', to_char(date '1960-01-01' + (g * 7919) % 27000, 'YYYY-MM-DD'))
      from generate_series(1, 20000) g`);
    await ensureCareIndex({ database: bed.database, module: 'contact', field: 'birthday', kind: 'md' });
    await ensureCareIndex({ database: bed.database, module: 'contact', field: 'birthday', kind: 'date' });
    await db.execute(sql`analyze records`);
  }, 60_000);
  afterAll(async () => bed?.close());

  it.each([
    { recurrence: 'yearly' as const, kind: 'md' as const },
    { recurrence: 'once' as const, kind: 'date' as const },
  ])('$recurrence selects through the $kind index', async ({ recurrence, kind }) => {
    const selector: CareSelector = {
      orgId: bed.orgId,
      module: 'contact',
      trigger: { dateField: 'birthday', recurrence, offsetDays: -3 },
      leapDay: 'feb28',
      fire: { from: '2025-05-19', to: '2025-05-25' },
    };
    const text = (await explainDueRecords({ db: bed.database.db, selector })).join('\n');
    expect(text).toContain(careIndexName({ module: 'contact', field: 'birthday', kind }));
    expect(text).not.toContain('Seq Scan on records');
    expect(await countDueRecords({ db: bed.database.db, selector })).toBeGreaterThan(0);
  });
});
