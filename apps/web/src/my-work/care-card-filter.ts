import { addDays, isoWeekday } from '@crmflow/flow';
import type { CareCardQuery } from '../api/my-work.ts';

export type CarePeriod = 'today' | 'week' | 'all';
export const carePeriods: readonly CarePeriod[] = ['today', 'week', 'all'];

/**
 * The care-cards list's filters as a query: the period (today, this ISO week Monday–Sunday, or
 * any date) and whose cards (mine, or everybody's, which only admins and managers get).
 */
export function careCardQuery(args: { period: CarePeriod; mine: boolean; today: string }): CareCardQuery {
  const { period, mine, today } = args;
  const owner = mine ? { owner: 'me' as const } : {};
  if (period === 'today') return { ...owner, from: today, to: today };
  if (period === 'week') {
    const monday = addDays(today, 1 - isoWeekday(today));
    return { ...owner, from: monday, to: addDays(monday, 6) };
  }
  return owner;
}
