import { describe, expect, it } from 'vitest';
import type { CrmRecord } from '../api/records.ts';
import { careCardQuery } from './care-card-filter.ts';
import { groupTasks } from './task-groups.ts';

const task = (title: string, due?: string): CrmRecord => ({
  id: title,
  module: 'task',
  title,
  data: { title, ...(due ? { due_date: due } : {}) },
  ownerId: null,
  externalId: null,
  version: 1,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  createdBy: null,
  updatedBy: null,
});

describe('groupTasks', () => {
  it.each([
    ['before today', '2026-12-06', 'overdue'],
    ['long before', '2025-01-01', 'overdue'],
    ['today', '2026-12-07', 'today'],
    ['a date-time today', '2026-12-07T09:00:00', 'today'],
    ['tomorrow', '2026-12-08', 'later'],
    ['no date', undefined, 'later'],
  ])('puts a task due %s in %s', (_name, due, group) => {
    const groups = groupTasks([task('Gọi khách', due)], '2026-12-07');
    expect(Object.entries(groups).find(([, list]) => list.length === 1)?.[0]).toBe(group);
  });

  it('orders overdue and later tasks by due date, undated last', () => {
    const groups = groupTasks(
      [
        task('c', '2026-12-05'),
        task('a', '2026-12-01'),
        task('x'),
        task('z', '2026-12-20'),
        task('y', '2026-12-09'),
      ],
      '2026-12-07',
    );
    expect(groups.overdue.map((t) => t.id)).toEqual(['a', 'c']);
    expect(groups.later.map((t) => t.id)).toEqual(['y', 'z', 'x']);
  });
});

describe('careCardQuery', () => {
  it.each([
    ['today, mine', 'today', true, '2026-12-09', { owner: 'me', from: '2026-12-09', to: '2026-12-09' }],
    [
      'this week from a Wednesday',
      'week',
      true,
      '2026-12-09',
      { owner: 'me', from: '2026-12-07', to: '2026-12-13' },
    ],
    ['this week from a Sunday', 'week', false, '2026-12-13', { from: '2026-12-07', to: '2026-12-13' }],
    [
      'this week across a month',
      'week',
      true,
      '2026-12-31',
      { owner: 'me', from: '2026-12-28', to: '2027-01-03' },
    ],
    ['any date, everybody', 'all', false, '2026-12-09', {}],
  ] as const)('%s', (_name, period, mine, today, expected) => {
    expect(careCardQuery({ period, mine, today })).toEqual(expected);
  });
});
