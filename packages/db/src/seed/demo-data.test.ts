import { describe, expect, it } from 'vitest';
import { allDemoRecords, demoCounts, generateDemoData } from './demo-data.ts';
import { demoIntegrityProblems } from './demo-integrity.ts';

const timeZone = 'Asia/Ho_Chi_Minh';
const userIds = ['u-hung', 'u-ha', 'u-tuan'];

/** `yyyy-MM-dd` in a zone, computed with Intl rather than the code under test. */
const localDate = (now: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

const counter = () => {
  let next = 0;
  return () => `id-${++next}`;
};

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('generateDemoData', () => {
  const now = new Date('2025-06-14T20:00:00Z');
  const data = generateDemoData({ now, userIds, timeZone, newId: counter() });
  const records = allDemoRecords(data);

  it.each(Object.entries(demoCounts))('has %s × %i', (module, count) => {
    expect(records.filter((record) => record.module === module)).toHaveLength(count);
  });

  it('keeps every promise about fields, picklists, references, owners and totals', () => {
    expect(demoIntegrityProblems(records)).toEqual([]);
  });

  it('is the same for the same moment', () => {
    expect(generateDemoData({ now, userIds, timeZone, newId: counter() })).toEqual(data);
  });

  it.each([
    { instant: '2025-06-14T20:00:00Z', note: 'evening in UTC, the next morning in Viet Nam' },
    { instant: '2025-06-14T05:00:00Z', note: 'the same day in both' },
    { instant: '2025-12-31T17:30:00Z', note: 'new year in Viet Nam, not yet in UTC' },
    { instant: '2024-02-29T03:00:00Z', note: 'a leap day' },
  ])('has at least 3 birthdays and a founding day today ($note)', ({ instant }) => {
    const at = new Date(instant);
    const today = localDate(at, timeZone);
    const demo = generateDemoData({ now: at, userIds, timeZone });
    const onToday = (value: unknown) => typeof value === 'string' && value.slice(5) === today.slice(5);
    expect(demo.contacts.filter((contact) => onToday(contact.data.birthday)).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(
      demo.accounts.filter((account) => onToday(account.data.founded_date)).length,
    ).toBeGreaterThanOrEqual(1);
    const dates = [
      ...demo.contacts.map((c) => c.data.birthday),
      ...demo.accounts.map((a) => a.data.founded_date),
    ];
    expect(dates.every((date) => typeof date === 'string' && date < today)).toBe(true);
  });

  it('spreads birthdays over the whole year', () => {
    const months = new Set(data.contacts.map((contact) => String(contact.data.birthday).slice(5, 7)));
    expect(months.size).toBe(12);
  });

  it('dates orders within the last 90 days, numbered in date order', () => {
    const today = localDate(now, timeZone);
    const orders = data.orders.map((order) => ({
      code: String(order.data.code),
      date: String(order.data.order_date),
    }));
    expect(orders.every(({ date }) => daysBetween(date, today) >= 0 && daysBetween(date, today) <= 89)).toBe(
      true,
    );
    expect(orders.map(({ code }) => code)).toEqual(
      Array.from({ length: demoCounts.order }, (_, i) => `ĐH-${String(i + 1).padStart(4, '0')}`),
    );
    expect(orders.map(({ date }) => date)).toEqual(orders.map(({ date }) => date).sort());
    expect(new Set(data.orders.map((order) => order.data.status))).toEqual(
      new Set(['draft', 'confirmed', 'delivered', 'cancelled']),
    );
    expect(data.orders.every((order) => order.data.revenue_status === 'none')).toBe(true);
  });

  it("gives each order a contact of the order's account", () => {
    const accountOf = new Map(data.contacts.map((contact) => [contact.id, contact.data.account_id]));
    expect(
      data.orders.every((order) => accountOf.get(String(order.data.contact_id)) === order.data.account_id),
    ).toBe(true);
  });

  it('shares the records out among the salespeople', () => {
    const owned = (id: string) => records.filter((record) => record.ownerId === id).length;
    expect(userIds.map(owned).every((count) => count >= 40)).toBe(true);
    expect(data.products.every((product) => product.ownerId === null)).toBe(true);
  });

  it('uses Vietnamese names, unique e-mail addresses and Vietnamese mobile numbers', () => {
    const people = [...data.contacts, ...data.leads];
    const accented = people.filter(
      (person) => String(person.data.name).normalize('NFD') !== person.data.name,
    );
    expect(accented.length).toBeGreaterThan(people.length / 2);
    expect(people.every((person) => String(person.data.name).split(' ').length === 3)).toBe(true);
    const emails = people.map((person) => String(person.data.email));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((email) => /^[a-z0-9.]+@[a-z0-9.]+\.[a-z]+$/.test(email))).toBe(true);
    expect(people.every((person) => /^0[3789]\d{8}$/.test(String(person.data.phone)))).toBe(true);
  });

  it('links some tasks to opportunities and codes products SP-001…', () => {
    expect(data.tasks.filter((task) => task.data.opportunity_id).length).toBe(5);
    expect(data.products.map((product) => product.data.code).slice(0, 2)).toEqual(['SP-001', 'SP-002']);
    expect(new Set(data.products.map((product) => product.data.category)).size).toBe(5);
  });

  it.each([
    { breakage: 'a total that does not add up', edit: { total: 1 }, expected: /total/ },
    { breakage: 'a status outside the picklist', edit: { status: 'shipped' }, expected: /picklist/ },
    { breakage: 'a contact that does not exist', edit: { contact_id: 'missing' }, expected: /contact_id/ },
    {
      breakage: 'an account id given as the contact',
      edit: { contact_id: data.accounts[0]?.id },
      expected: /contact_id/,
    },
    { breakage: 'an unknown field', edit: { colour: 'red' }, expected: /unknown field colour/ },
    { breakage: 'an owner not mirrored', edit: { owner_id: 'someone-else' }, expected: /ownerId/ },
    { breakage: 'no lines', edit: { lines: [], total: 0 }, expected: /0 lines/ },
  ])('the integrity check catches $breakage', ({ edit, expected }) => {
    const [order] = data.orders;
    if (!order) throw new Error('The demo has orders');
    const broken = { ...order, data: { ...order.data, ...edit } };
    const problems = demoIntegrityProblems([...records.filter((record) => record.id !== order.id), broken]);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('refuses to build without owners', () => {
    expect(() => generateDemoData({ now, userIds: [] })).toThrow();
  });
});
