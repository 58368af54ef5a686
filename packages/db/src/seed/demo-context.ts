import { type ModuleKey, standardModules } from '@crmflow/flow';
import type { RecordData } from '../schema/records.ts';
import type { Random } from './random.ts';

/** One row of `records` before it is inserted; `ownerId` mirrors `data.owner_id`. */
export type DemoRecord = { id: string; module: ModuleKey; ownerId: string | null; data: RecordData };

/** What every demo builder draws on: one random stream, the clock in the org's time zone, the owners. */
export type DemoContext = {
  random: Random;
  /** The calendar date `offsetDays` from today in the organization's time zone (`yyyy-MM-dd`). */
  dayFromToday(offsetDays: number): string;
  /** Today's `MM-dd` in the organization's time zone: the demo's birthdays and anniversaries. */
  todayMonthDay: string;
  thisYear: number;
  ownerIds: readonly string[];
  newId(): string;
  /** A unique e-mail address for `local@domain`. */
  email(local: string, domain: string): string;
};

/** The picklist values of a standard field, so the demo never strays from the metadata. */
export function optionValues(module: ModuleKey, fieldKey: string): string[] {
  const field = standardModules[module].fields.find((candidate) => candidate.key === fieldKey);
  if (!field || field.options.length === 0) throw new Error(`${module}.${fieldKey} is not a picklist`);
  return field.options.map((option) => option.value);
}

/** Owners take turns, so each salesperson gets a fair share of the demo. */
export function ownerAt(context: DemoContext, index: number): string {
  const owner = context.ownerIds[index % context.ownerIds.length];
  if (owner === undefined) throw new Error('The demo needs at least one owner');
  return owner;
}

export function demoRecord(context: DemoContext, module: ModuleKey, data: RecordData): DemoRecord {
  const ownerId = typeof data.owner_id === 'string' ? data.owner_id : null;
  return { id: context.newId(), module, ownerId, data };
}
