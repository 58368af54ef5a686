import { describe, expect, it } from 'vitest';
import { FieldType } from '../metadata/field-meta.ts';
import { changeOperators, Operator, operatorsForFieldType } from './operators.ts';

describe('operatorsForFieldType', () => {
  it.each([
    ['text', ['contains', 'starts_with', 'in'], ['gt', 'date_today']],
    ['money', ['gt', 'between', 'changed_to'], ['contains', 'date_today']],
    ['date', ['date_today', 'date_within_last', 'between'], ['contains']],
    ['picklist', ['eq', 'in', 'changed_from'], ['gt', 'starts_with']],
    ['multipicklist', ['contains', 'not_contains'], ['gt', 'in']],
    ['boolean', ['eq', 'changed_to'], ['in', 'empty']],
    ['lines', ['empty', 'changed'], ['eq']],
  ] as const)('%s offers %j, not %j', (type, offered, refused) => {
    const operators = operatorsForFieldType(type);
    for (const op of offered) expect(operators).toContain(op);
    for (const op of refused) expect(operators).not.toContain(op);
  });

  it('offers every operator for some field type, each once per type', () => {
    const offered = new Set(FieldType.options.flatMap((type) => operatorsForFieldType(type)));
    expect([...offered].sort()).toEqual([...Operator.options].sort());
    for (const type of FieldType.options) {
      expect(new Set(operatorsForFieldType(type)).size).toBe(operatorsForFieldType(type).length);
    }
  });

  it('offers "changed" on every type, since any field can change', () => {
    for (const type of FieldType.options)
      expect(operatorsForFieldType(type)).toEqual(expect.arrayContaining([changeOperators[0]]));
  });
});
