import { type DemoCompany, demoCompanies, jobTitles, streets } from './demo-catalog.ts';
import { type DemoContext, type DemoRecord, demoRecord, optionValues, ownerAt } from './demo-context.ts';
import { anniversaryOn, randomDate } from './demo-dates.ts';
import { asciiSlug, demoPerson, mobilePhone } from './demo-people.ts';

export type DemoAccounts = { records: DemoRecord[]; companyOf: Map<string, DemoCompany> };

/** Every tenth account, from the fourth, celebrates its founding today. */
const foundedToday = (index: number) => index % 10 === 3;

/** Contacts 0, 20 and 40 have their birthday today: the birthday care process has work at once. */
const bornToday = (index: number) => index % 20 === 0;

export function demoAccounts(context: DemoContext): DemoAccounts {
  const { random } = context;
  const industries = optionValues('account', 'industry');
  const companyOf = new Map<string, DemoCompany>();
  const records = demoCompanies.map((company, index) => {
    if (!industries.includes(company.industry)) throw new Error(`Unknown industry ${company.industry}`);
    const years = { fromYear: 1990, toYear: context.thisYear - 1 };
    const record = demoRecord(context, 'account', {
      name: company.name,
      email: context.email('lienhe', company.domain),
      phone: mobilePhone(random),
      founded_date: foundedToday(index)
        ? anniversaryOn({ random, monthDay: context.todayMonthDay, ...years })
        : randomDate(random, years),
      industry: company.industry,
      tax_code: `03${random.digits(8)}`,
      address: `${random.int(1, 250)} ${random.pick(streets)}`,
      owner_id: ownerAt(context, index),
    });
    companyOf.set(record.id, company);
    return record;
  });
  return { records, companyOf };
}

export const contactsPerAccount = 2;

export function demoContacts(context: DemoContext, accounts: DemoAccounts): DemoRecord[] {
  const { random } = context;
  const count = accounts.records.length * contactsPerAccount;
  return Array.from({ length: count }, (_, index) => {
    const account = accounts.records[index % accounts.records.length];
    const company = account && accounts.companyOf.get(account.id);
    if (!account || !company) throw new Error('Contacts need accounts');
    const person = demoPerson(random);
    const years = { fromYear: 1965, toYear: 2000 };
    return demoRecord(context, 'contact', {
      name: person.name,
      email: context.email(`${asciiSlug(person.given)}.${asciiSlug(person.family)}`, company.domain),
      phone: mobilePhone(random),
      birthday: bornToday(index)
        ? anniversaryOn({ random, monthDay: context.todayMonthDay, ...years })
        : randomDate(random, years),
      account_id: account.id,
      title: random.pick(jobTitles),
      owner_id: account.ownerId,
    });
  });
}

export function demoLeads(context: DemoContext, count: number): DemoRecord[] {
  const { random } = context;
  const sources = optionValues('lead', 'source');
  const statuses = optionValues('lead', 'status');
  return Array.from({ length: count }, (_, index) => {
    const person = demoPerson(random);
    const local = `${asciiSlug(person.given)}${asciiSlug(person.family)}${random.int(80, 99)}`;
    return demoRecord(context, 'lead', {
      name: person.name,
      email: context.email(local, 'gmail.com'),
      phone: mobilePhone(random),
      source: random.pick(sources),
      status: random.pick(statuses),
      owner_id: ownerAt(context, index),
    });
  });
}
