import { z } from 'zod';
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

export const operatorLabels: Record<Operator, { vi: string; en: string }> = {
  eq: { vi: 'bằng', en: 'equals' },
  ne: { vi: 'khác', en: 'does not equal' },
  contains: { vi: 'chứa', en: 'contains' },
  not_contains: { vi: 'không chứa', en: 'does not contain' },
  starts_with: { vi: 'bắt đầu bằng', en: 'starts with' },
  empty: { vi: 'để trống', en: 'is empty' },
  not_empty: { vi: 'không để trống', en: 'is not empty' },
  gt: { vi: 'lớn hơn', en: 'is greater than' },
  gte: { vi: 'lớn hơn hoặc bằng', en: 'is at least' },
  lt: { vi: 'nhỏ hơn', en: 'is less than' },
  lte: { vi: 'nhỏ hơn hoặc bằng', en: 'is at most' },
  between: { vi: 'trong khoảng', en: 'is between' },
  in: { vi: 'thuộc', en: 'is one of' },
  not_in: { vi: 'không thuộc', en: 'is none of' },
  changed: { vi: 'thay đổi', en: 'changed' },
  changed_to: { vi: 'thay đổi thành', en: 'changed to' },
  changed_from: { vi: 'thay đổi từ', en: 'changed from' },
  date_today: { vi: 'là hôm nay', en: 'is today' },
  date_within_last: { vi: 'trong vòng … ngày qua', en: 'is within the last … days' },
  date_within_next: { vi: 'trong vòng … ngày tới', en: 'is within the next … days' },
};

const presence: Operator[] = ['empty', 'not_empty'];
const change: Operator[] = ['changed', 'changed_to', 'changed_from'];
const text: Operator[] = ['eq', 'ne', 'contains', 'not_contains', 'starts_with', 'in', 'not_in'];
const ordered: Operator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between'];
const dates: Operator[] = [...ordered, 'date_today', 'date_within_last', 'date_within_next'];
const choice: Operator[] = ['eq', 'ne', 'in', 'not_in'];

const byFieldType: Record<FieldType, readonly Operator[]> = {
  text: [...text, ...presence, ...change],
  textarea: ['contains', 'not_contains', 'starts_with', ...presence, 'changed'],
  email: [...text, ...presence, ...change],
  phone: [...text, ...presence, ...change],
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
