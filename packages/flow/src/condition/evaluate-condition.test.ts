import { describe, expect, it } from 'vitest';
import type { ModuleKey } from '../metadata/field-meta.ts';
import { standardModules } from '../metadata/standard-modules.ts';
import type { ConditionConfig, ConditionItem, ConditionRule } from './condition-config.ts';
import { evaluateCondition } from './evaluate-condition.ts';

// 09:30 on 15 March 2025 in Hồ Chí Minh City (02:30 UTC).
const now = new Date('2025-03-15T02:30:00Z');
const timeZone = 'Asia/Ho_Chi_Minh';

const order = {
  code: 'DH-0042',
  status: 'delivered',
  total: '12500000.00',
  order_date: '2025-03-15',
  owner_id: 'u1',
  contact_id: 'c1',
  revenue_status: 'none',
  lines: [{ product_id: 'p1', quantity: 2, price: 6_250_000 }],
};
const before = { ...order, status: 'confirmed', total: 12_500_000 };

function matches(
  rules: ConditionItem[],
  options: {
    module?: ModuleKey;
    record?: Record<string, unknown>;
    logic?: 'and' | 'or';
    ignoreAccents?: boolean;
  } = {},
): boolean {
  const config: ConditionConfig = {
    mode: 'criteria',
    logic: options.logic ?? 'and',
    rules,
    ...(options.ignoreAccents ? { ignoreAccents: true } : {}),
  };
  return evaluateCondition({
    config,
    record: options.record ?? order,
    before: options.record ? null : before,
    changes: options.record ? [] : ['status'],
    catalog: standardModules,
    module: options.module ?? 'order',
    now,
    timeZone,
  }).matched;
}

describe('evaluateCondition: one rule on an order', () => {
  it.each<[ConditionRule, boolean]>([
    [{ field: 'status', op: 'eq', value: 'delivered' }, true],
    [{ field: 'status', op: 'ne', value: 'delivered' }, false],
    [{ field: 'status', op: 'in', value: ['confirmed', 'delivered'] }, true],
    [{ field: 'status', op: 'not_in', value: ['cancelled'] }, true],
    [{ field: 'total', op: 'eq', value: 12_500_000 }, true],
    [{ field: 'total', op: 'gt', value: 10_000_000 }, true],
    [{ field: 'total', op: 'gt', value: '12500000' }, false],
    [{ field: 'total', op: 'gte', value: '12500000' }, true],
    [{ field: 'total', op: 'lt', value: 12_500_000.01 }, true],
    [{ field: 'total', op: 'lte', value: 1 }, false],
    [{ field: 'total', op: 'between', value: [10_000_000, '12500000'] }, true],
    [{ field: 'total', op: 'between', value: [1, 2] }, false],
    [{ field: 'code', op: 'contains', value: '0042' }, true],
    [{ field: 'code', op: 'starts_with', value: 'dh-' }, true],
    [{ field: 'code', op: 'not_contains', value: 'BG' }, true],
    [{ field: 'contact_id', op: 'empty' }, false],
    [{ field: 'account_id', op: 'empty' }, true],
    [{ field: 'account_id', op: 'ne', value: 'a1' }, true],
    [{ field: 'account_id', op: 'not_in', value: ['a1'] }, true],
    [{ field: 'lines', op: 'not_empty' }, true],
    [{ field: 'status', op: 'changed' }, true],
    [{ field: 'total', op: 'changed' }, false],
    [{ field: 'status', op: 'changed_to', value: 'delivered' }, true],
    [{ field: 'status', op: 'changed_from', value: 'confirmed' }, true],
    [{ field: 'status', op: 'changed_from', value: 'draft' }, false],
    [{ field: 'order_date', op: 'date_today' }, true],
    [{ field: 'order_date', op: 'eq', value: '2025-03-15' }, true],
    [{ field: 'order_date', op: 'gt', value: '2025-03-14' }, true],
    [{ field: 'order_date', op: 'date_within_last', value: 0 }, true],
    [{ field: 'order_date', op: 'date_within_next', value: 3 }, true],
    [{ field: 'owner_id', op: 'eq', value: 'u1' }, true],
    [{ field: 'no_such_field', op: 'empty' }, false],
  ])('%j → %s', (rule, expected) => {
    expect(matches([rule])).toBe(expected);
  });
});

describe('evaluateCondition: dates are calendar days in the organization’s zone', () => {
  const contact = (birthday: string) => ({ name: 'An', birthday });
  it.each([
    { birthday: '2025-03-10', op: 'date_within_last' as const, days: 7, expected: true },
    { birthday: '2025-03-07', op: 'date_within_last' as const, days: 7, expected: false },
    { birthday: '2025-03-16', op: 'date_within_last' as const, days: 7, expected: false },
    { birthday: '2025-03-22', op: 'date_within_next' as const, days: 7, expected: true },
    { birthday: '2025-03-23', op: 'date_within_next' as const, days: 7, expected: false },
    // 17:30 UTC on the 14th is already 00:30 on the 15th in Vietnam.
    { birthday: '2025-03-14T17:30:00Z', op: 'date_within_next' as const, days: 0, expected: true },
  ])('$birthday $op $days → $expected', ({ birthday, op, days, expected }) => {
    expect(
      matches([{ field: 'birthday', op, value: days }], { module: 'contact', record: contact(birthday) }),
    ).toBe(expected);
  });
});

describe('evaluateCondition: text', () => {
  const account = { name: 'Công ty TNHH Đại Phát', phone: '+84 912 345 678', industry: 'retail' };
  it.each<[ConditionRule, boolean, boolean]>([
    [{ field: 'name', op: 'contains', value: 'đại phát' }, false, true],
    [{ field: 'name', op: 'contains', value: 'dai phat' }, false, false],
    [{ field: 'name', op: 'contains', value: 'dai phat' }, true, true],
    [{ field: 'name', op: 'eq', value: 'CONG TY TNHH DAI PHAT' }, true, true],
    [{ field: 'name', op: 'starts_with', value: 'cong ty' }, true, true],
    [{ field: 'name', op: 'in', value: ['công ty tnhh đại phát', 'khác'] }, false, true],
    [{ field: 'phone', op: 'eq', value: '0912345678' }, false, true],
    [{ field: 'phone', op: 'starts_with', value: '0912' }, false, true],
    [{ field: 'industry', op: 'eq', value: 'Retail' }, true, false],
  ])('%j (ignoreAccents %s) → %s', (rule, ignoreAccents, expected) => {
    expect(matches([rule], { module: 'account', record: account, ignoreAccents })).toBe(expected);
  });
});

describe('evaluateCondition: groups', () => {
  const delivered: ConditionRule = { field: 'status', op: 'eq', value: 'delivered' };
  const small: ConditionRule = { field: 'total', op: 'lt', value: 1_000_000 };
  const today: ConditionRule = { field: 'order_date', op: 'date_today' };
  it.each<{ name: string; logic: 'and' | 'or'; rules: ConditionItem[]; expected: boolean }>([
    {
      name: 'delivered and (small or today)',
      logic: 'and',
      rules: [delivered, { logic: 'or', rules: [small, today] }],
      expected: true,
    },
    { name: 'delivered and small', logic: 'and', rules: [delivered, small], expected: false },
    { name: 'small or delivered', logic: 'or', rules: [small, delivered], expected: true },
    {
      name: 'small or (delivered and small)',
      logic: 'or',
      rules: [small, { logic: 'and', rules: [delivered, small] }],
      expected: false,
    },
    { name: 'empty and-group', logic: 'and', rules: [], expected: true },
  ])('$name → $expected', ({ logic, rules, expected }) => {
    expect(matches(rules, { logic })).toBe(expected);
  });

  it('traces every group and rule in reading order', () => {
    const { trace } = evaluateCondition({
      config: { mode: 'criteria', logic: 'and', rules: [delivered, { logic: 'or', rules: [small, today] }] },
      record: order,
      before,
      changes: ['status'],
      catalog: standardModules,
      module: 'order',
      now,
      timeZone,
    });
    expect(trace.map((entry) => `${entry.path}:${entry.matched}`)).toEqual([
      'rules:true',
      'rules.0:true',
      'rules.1.rules:true',
      'rules.1.rules.0:false',
      'rules.1.rules.1:true',
    ]);
    expect(trace[1]).toMatchObject({
      kind: 'rule',
      field: 'status',
      expected: 'delivered',
      actual: 'delivered',
    });
  });

  it('matches every record in "all" mode', () => {
    const config: ConditionConfig = { mode: 'all' };
    const args = {
      config,
      record: {},
      before: null,
      changes: [],
      catalog: standardModules,
      module: 'lead' as const,
      now,
      timeZone,
    };
    expect(evaluateCondition(args)).toEqual({ matched: true, trace: [] });
  });
});
