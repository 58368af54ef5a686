import { ConditionRule, findField, type Operator, standardModules } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { changeField, changeOperator, makeRule, newGroup, newRule, operatorsFor } from './condition-edit.ts';

const order = standardModules.order;
const field = (key: string) => findField(order, key);

describe('condition edits', () => {
  it.each<[string, Operator, unknown]>([
    ['status', 'empty', undefined],
    ['status', 'eq', 'draft'],
    ['total', 'gt', ''],
    ['total', 'between', ['', '']],
    ['status', 'in', []],
    ['order_date', 'date_within_last', 7],
  ])('a new %s rule with %s holds %j, which the schema accepts', (key, op, value) => {
    const rule = makeRule({ field: field(key), key, op });
    expect(rule).toEqual(value === undefined ? { field: key, op } : { field: key, op, value });
    expect(ConditionRule.safeParse(rule).success).toBe(true);
  });

  it.each<[Operator, unknown, Operator, unknown]>([
    ['gt', 5, 'lte', 5],
    ['eq', 'a', 'contains', 'a'],
    ['between', [1, 9], 'in', [1, 9]],
    ['in', ['x'], 'eq', ['x']],
    ['gt', 5, 'between', ['', '']],
    ['between', [1, 9], 'date_within_next', 7],
  ])('moving from %s %j to %s keeps %j', (fromOp, value, toOp, expected) => {
    const rule = ConditionRule.parse({ field: 'total', op: fromOp, value });
    expect(changeOperator({ rule, field: field('total'), op: toOp })).toMatchObject({
      op: toOp,
      value: expected,
    });
  });

  it('keeps the operator but not a picklist value when the field changes to money', () => {
    const rule = ConditionRule.parse({ field: 'status', op: 'eq', value: 'delivered' });
    expect(
      changeField({ rule, from: field('status'), field: field('total'), key: 'total', kind: 'event' }),
    ).toEqual({
      field: 'total',
      op: 'eq',
      value: '',
    });
  });

  it('keeps a typed value between two text fields, and drops an operator the new type refuses', () => {
    const rule = ConditionRule.parse({ field: 'code', op: 'contains', value: 'ĐH' });
    const text = changeField({ rule, from: field('code'), field: field('code'), key: 'code', kind: 'event' });
    expect(text).toEqual({ field: 'code', op: 'contains', value: 'ĐH' });
    const money = changeField({
      rule,
      from: field('code'),
      field: field('total'),
      key: 'total',
      kind: 'event',
    });
    expect(money.op).toBe('eq');
  });

  it('offers change operators only in event workflows', () => {
    expect(operatorsFor(field('status'), 'event')).toContain('changed_to');
    expect(operatorsFor(field('status'), 'schedule')).not.toContain('changed_to');
    expect(operatorsFor(undefined, 'event')).toEqual([]);
  });

  it('starts new rules on a field that can be compared, and nested groups with the other logic', () => {
    expect(newRule(order, 'event')).toMatchObject({ field: 'code' });
    expect(newGroup(order, 'event', 'and')).toMatchObject({ logic: 'or', rules: [{ field: 'code' }] });
  });
});
