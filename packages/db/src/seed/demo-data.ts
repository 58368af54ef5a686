import { randomUUID } from 'node:crypto';
import { organizationDefaults } from './create-organization.ts';
import type { DemoContext, DemoRecord } from './demo-context.ts';
import { demoAccounts, demoContacts, demoLeads } from './demo-customers.ts';
import { calendarDate } from './demo-dates.ts';
import { emailBook } from './demo-people.ts';
import { demoQuotes } from './demo-quotes.ts';
import { demoOpportunities, demoOrders, demoProductRecords, demoTasks } from './demo-sales.ts';
import { createRandom } from './random.ts';

/** How many records of each module the demo organization starts with. */
export const demoCounts = {
  account: 30,
  contact: 60,
  lead: 10,
  opportunity: 20,
  product: 20,
  order: 40,
  task: 8,
  quote: 12,
} as const;

/** Tasks that follow up an opportunity; the others are tied to an account only. */
const tasksLinkedToOpportunities = 5;

/** Fixed, so the demo is the same everywhere; only dates move with `now`. */
const demoSeed = 20_240_915;

export type DemoData = {
  accounts: DemoRecord[];
  contacts: DemoRecord[];
  leads: DemoRecord[];
  opportunities: DemoRecord[];
  products: DemoRecord[];
  orders: DemoRecord[];
  tasks: DemoRecord[];
  quotes: DemoRecord[];
};

export type GenerateDemoDataInput = {
  now: Date;
  /** The salespeople who own the records, in turn. */
  userIds: readonly string[];
  timeZone?: string;
  /** Record ids; random UUIDs unless a test wants them predictable. */
  newId?: () => string;
};

/**
 * The demo organization's sample records. Deterministic for a given `now` and `newId`: contents
 * come from a fixed seed, dates are relative to today in `timeZone`.
 */
export function generateDemoData({
  now,
  userIds,
  timeZone = organizationDefaults.timeZone,
  newId = randomUUID,
}: GenerateDemoDataInput): DemoData {
  if (userIds.length === 0) throw new Error('The demo needs at least one owner');
  const today = calendarDate({ now, timeZone });
  const context: DemoContext = {
    random: createRandom(demoSeed),
    dayFromToday: (offsetDays) => calendarDate({ now, timeZone, offsetDays }),
    todayMonthDay: today.slice(5),
    thisYear: Number(today.slice(0, 4)),
    ownerIds: userIds,
    newId,
    email: emailBook(),
  };
  const accounts = demoAccounts(context);
  const contacts = demoContacts(context, accounts);
  const leads = demoLeads(context, demoCounts.lead);
  const products = demoProductRecords(context);
  const opportunities = demoOpportunities(context, { accounts, count: demoCounts.opportunity });
  const orders = demoOrders(context, { accounts, contacts, products, count: demoCounts.order });
  const tasks = demoTasks(context, {
    accounts,
    opportunities,
    count: demoCounts.task,
    linked: tasksLinkedToOpportunities,
  });
  // After the others, so adding quotes left every earlier record as it was.
  const quotes = demoQuotes(context, { opportunities, count: demoCounts.quote });
  return { accounts: accounts.records, contacts, leads, opportunities, products, orders, tasks, quotes };
}

export function allDemoRecords(data: DemoData): DemoRecord[] {
  return Object.values(data).flat();
}
