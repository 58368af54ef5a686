import { z } from 'zod';

const FieldKey = z.string().regex(/^[a-z_][a-z0-9_]*$/);
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Bound = z.union([z.string(), z.number()]);

/**
 * One `field operator value` test. The operator decides the shape of `value`: none for
 * presence and change tests, one value, a `[from, to]` range, a list, or a number of days.
 * A multi-select compared with `eq` takes the whole set as a list.
 */
export const ConditionRule = z.discriminatedUnion('op', [
  z.object({ field: FieldKey, op: z.literal(['empty', 'not_empty', 'changed', 'date_today']) }),
  z.object({
    field: FieldKey,
    op: z.literal(['eq', 'ne', 'changed_to', 'changed_from']),
    value: z.union([Scalar, z.array(z.string())]),
  }),
  z.object({
    field: FieldKey,
    op: z.literal(['contains', 'not_contains', 'starts_with', 'gt', 'gte', 'lt', 'lte']),
    value: Scalar,
  }),
  z.object({ field: FieldKey, op: z.literal('between'), value: z.tuple([Bound, Bound]) }),
  z.object({ field: FieldKey, op: z.literal(['in', 'not_in']), value: z.array(Bound) }),
  z.object({
    field: FieldKey,
    op: z.literal(['date_within_last', 'date_within_next']),
    value: z.number().int().min(0).max(3660),
  }),
]);
export type ConditionRule = z.infer<typeof ConditionRule>;

export const ConditionLogic = z.enum(['and', 'or']);
export type ConditionLogic = z.infer<typeof ConditionLogic>;

/** A group of rules and nested groups joined by one logic: `(a AND (b OR c))`. */
export interface ConditionGroup {
  logic: ConditionLogic;
  rules: ConditionItem[];
}
export type ConditionItem = ConditionRule | ConditionGroup;

export const ConditionGroup: z.ZodType<ConditionGroup> = z.object({
  logic: ConditionLogic,
  get rules() {
    return z.array(ConditionItem);
  },
});
export const ConditionItem: z.ZodType<ConditionItem> = z.union([ConditionRule, ConditionGroup]);

export function isConditionGroup(item: ConditionItem): item is ConditionGroup {
  return 'logic' in item;
}

/** "Tất cả bản ghi của phân hệ", or records that meet the criteria. */
export const ConditionConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }),
  z.object({
    mode: z.literal('criteria'),
    logic: ConditionLogic,
    rules: z.array(ConditionItem),
    ignoreAccents: z.boolean().optional(),
  }),
]);
export type ConditionConfig = z.infer<typeof ConditionConfig>;
