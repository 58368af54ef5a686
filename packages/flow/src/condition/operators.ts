import { z } from 'zod';
import { text } from '../messages/catalogue.ts';
import type { Text } from '../messages/locale.ts';
import type { FieldType } from '../metadata/field-meta.ts';

/** Every comparison a condition rule can make (docs/graph-contract.md); the contract names them. */
export const Operator = z.enum([
  'eq',
  'ne',
  'contains',
  'not_contains',
  'starts_with',
  'empty',
  'not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
  'not_in',
  'changed',
  'changed_to',
  'changed_from',
  'date_today',
  'date_within_last',
  'date_within_next',
]);
export type Operator = z.infer<typeof Operator>;

/** What the rule's `value` holds for an operator, so the form shows the right input. */
export type OperatorValueKind = 'none' | 'single' | 'range' | 'list' | 'days';

export const operatorValueKind: Record<Operator, OperatorValueKind> = {
  eq: 'single',
  ne: 'single',
  contains: 'single',
  not_contains: 'single',
  starts_with: 'single',
  empty: 'none',
  not_empty: 'none',
  gt: 'single',
  gte: 'single',
  lt: 'single',
  lte: 'single',
  between: 'range',
  in: 'list',
  not_in: 'list',
  changed: 'none',
  changed_to: 'single',
  changed_from: 'single',
  date_today: 'none',
  date_within_last: 'days',
  date_within_next: 'days',
};

/** How a rule reads each comparison, from the message catalogue (`operator.*`). */
export const operatorLabels: Record<Operator, Text> = {
  eq: text('operator.eq'),
  ne: text('operator.ne'),
  contains: text('operator.contains'),
  not_contains: text('operator.not_contains'),
  starts_with: text('operator.starts_with'),
  empty: text('operator.empty'),
  not_empty: text('operator.not_empty'),
  gt: text('operator.gt'),
  gte: text('operator.gte'),
  lt: text('operator.lt'),
  lte: text('operator.lte'),
  between: text('operator.between'),
  in: text('operator.in'),
  not_in: text('operator.not_in'),
  changed: text('operator.changed'),
  changed_to: text('operator.changed_to'),
  changed_from: text('operator.changed_from'),
  date_today: text('operator.date_today'),
  date_within_last: text('operator.date_within_last'),
  date_within_next: text('operator.date_within_next'),
};

const presence: Operator[] = ['empty', 'not_empty'];
const change: Operator[] = ['changed', 'changed_to', 'changed_from'];
const textual: Operator[] = ['eq', 'ne', 'contains', 'not_contains', 'starts_with', 'in', 'not_in'];
const ordered: Operator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between'];
const dates: Operator[] = [...ordered, 'date_today', 'date_within_last', 'date_within_next'];
const choice: Operator[] = ['eq', 'ne', 'in', 'not_in'];

const byFieldType: Record<FieldType, readonly Operator[]> = {
  text: [...textual, ...presence, ...change],
  textarea: ['contains', 'not_contains', 'starts_with', ...presence, 'changed'],
  email: [...textual, ...presence, ...change],
  phone: [...textual, ...presence, ...change],
  number: [...ordered, ...presence, ...change],
  money: [...ordered, ...presence, ...change],
  date: [...dates, ...presence, ...change],
  datetime: [...dates, ...presence, 'changed'],
  picklist: [...choice, ...presence, ...change],
  multipicklist: ['contains', 'not_contains', 'eq', 'ne', ...presence, 'changed'],
  user: [...choice, ...presence, ...change],
  reference: [...choice, ...presence, ...change],
  boolean: ['eq', 'ne', ...change],
  lines: [...presence, 'changed'],
};

/** The operators offered, and accepted by validation, for a field of this type. */
export function operatorsForFieldType(type: FieldType): readonly Operator[] {
  return byFieldType[type];
}

/** Operators that look at what an edit changed; they mean nothing to a scheduled run. */
export const changeOperators: readonly Operator[] = change;
