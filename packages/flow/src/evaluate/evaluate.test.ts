import { describe, expect, it } from 'vitest';
import { standardModules } from '../metadata/standard-modules.ts';
import type { TriggerConfig } from '../nodes/trigger.def.ts';
import { computeChanges } from './compute-changes.ts';
import { evaluateTrigger, type RecordOperation } from './evaluate-trigger.ts';

const catalog = standardModules;
const order = { code: 'DH-1', status: 'confirmed', total: 1000, order_date: '2025-03-15', lines: [] };

describe('computeChanges', () => {
  it.each([
    { name: 'same values written again', after: { ...order }, expected: [] },
    { name: 'money as a string with decimals', after: { ...order, total: '1000.00' }, expected: [] },
    { name: 'money really changed', after: { ...order, total: '1000.5' }, expected: ['total'] },
    {
      name: 'date as a datetime of that day',
      after: { ...order, order_date: '2025-03-15T09:00:00+07:00' },
      expected: [],
    },
    {
      name: 'status and date',
      after: { ...order, status: 'delivered', order_date: '2025-03-16' },
      expected: ['order_date', 'status'],
    },
    { name: 'empty lines cleared', after: { ...order, lines: null }, expected: [] },
    { name: 'field emptied', after: { ...order, code: '' }, expected: ['code'] },
  ])('$name → $expected', ({ after, expected }) => {
    expect(computeChanges({ module: 'order', catalog, before: order, after }).sort()).toEqual(expected);
  });

  it.each([
    { name: 'create', before: null, after: order },
    { name: 'delete', before: order, after: null },
  ])('a $name changes every field of the module', ({ before, after }) => {
    expect(computeChanges({ module: 'order', catalog, before, after })).toEqual(
      catalog.order.fields.map((field) => field.key),
    );
  });
});

describe('evaluateTrigger', () => {
  const update = (fields: string[], match: 'all' | 'any'): TriggerConfig => ({
    on: 'update',
    fields,
    match,
    repeat: true,
  });
  it.each<{
    config: TriggerConfig;
    operation: RecordOperation;
    changes: string[];
    fires: boolean;
    reason: string;
  }>([
    {
      config: { on: 'create', fields: [], match: 'any', repeat: true },
      operation: 'create',
      changes: [],
      fires: true,
      reason: 'record created',
    },
    {
      config: { on: 'create', fields: [], match: 'any', repeat: true },
      operation: 'update',
      changes: ['status'],
      fires: false,
      reason: 'waits for create, got update',
    },
    {
      config: { on: 'delete', fields: [], match: 'any', repeat: true },
      operation: 'delete',
      changes: [],
      fires: true,
      reason: 'record deleted',
    },
    {
      config: { on: 'create_or_update', fields: ['status'], match: 'all', repeat: true },
      operation: 'create',
      changes: [],
      fires: true,
      reason: 'record created',
    },
    {
      config: { on: 'create_or_update', fields: ['status'], match: 'all', repeat: true },
      operation: 'update',
      changes: ['total'],
      fires: false,
      reason: 'unchanged: status',
    },
    {
      config: update([], 'any'),
      operation: 'update',
      changes: ['total'],
      fires: true,
      reason: 'changed total',
    },
    {
      config: update([], 'any'),
      operation: 'update',
      changes: [],
      fires: false,
      reason: 'the edit changed nothing',
    },
    {
      config: update(['status', 'total'], 'any'),
      operation: 'update',
      changes: ['total', 'code'],
      fires: true,
      reason: 'changed total',
    },
    {
      config: update(['status', 'total'], 'any'),
      operation: 'update',
      changes: ['code'],
      fires: false,
      reason: 'none of status, total changed',
    },
    {
      config: update(['status', 'total'], 'all'),
      operation: 'update',
      changes: ['status', 'total'],
      fires: true,
      reason: 'changed status, total',
    },
    {
      config: update(['status', 'total'], 'all'),
      operation: 'update',
      changes: ['status'],
      fires: false,
      reason: 'unchanged: total',
    },
    {
      config: update(['status'], 'any'),
      operation: 'delete',
      changes: ['status'],
      fires: false,
      reason: 'waits for update, got delete',
    },
    {
      config: { dateField: 'order_date', recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '08:00' },
      operation: 'update',
      changes: ['order_date'],
      fires: false,
      reason: 'a care process runs on dates, not on record events',
    },
  ])('$config.on $operation $changes → $fires', ({ config, operation, changes, fires, reason }) => {
    const outcome = evaluateTrigger({ config, operation, changes });
    expect({ fires: outcome.fires, reason: outcome.reason.en }).toEqual({ fires, reason });
    expect(outcome.reason.vi).not.toBe('');
  });
});
