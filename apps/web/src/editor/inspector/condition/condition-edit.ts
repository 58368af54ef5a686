import {
  type ConditionGroup,
  type ConditionItem,
  type ConditionRule,
  changeOperators,
  type FieldMeta,
  type ModuleMeta,
  type Operator,
  operatorsForFieldType,
  type WorkflowKind,
} from '@crmflow/flow';

/**
 * Pure edits of a condition's rules, so the builder only wires inputs to them. Every edit gives
 * a rule whose value has the shape its operator takes, so the draft always parses.
 */

/** The operators offered for a field: those its type allows, without change tests in a care process. */
export function operatorsFor(field: FieldMeta | undefined, kind: WorkflowKind): Operator[] {
  if (!field) return [];
  return operatorsForFieldType(field.type).filter((op) => kind === 'event' || !changeOperators.includes(op));
}

/** The value shapes `ConditionRule` allows, by operator kind. */
type Scalar = string | number | boolean;
type Single = Scalar | string[];
type Bound = string | number;

function firstSingle(field: FieldMeta | undefined): Scalar {
  if (field?.type === 'boolean') return true;
  if (field?.type === 'picklist') return field.options[0]?.value ?? '';
  return '';
}

const scalarOf = (value: unknown): Scalar | undefined =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
const boundOf = (value: unknown): Bound | undefined =>
  typeof value === 'string' || typeof value === 'number' ? value : undefined;

/**
 * A rule on `field` with operator `op`, keeping what the previous value can give: a single value
 * stays when the new operator takes one too, a range or list is started afresh otherwise.
 */
export function makeRule(args: {
  field: FieldMeta | undefined;
  key: string;
  op: Operator;
  previous?: unknown;
}): ConditionRule {
  const { field, key, op, previous } = args;
  const previousScalar = scalarOf(previous);
  switch (op) {
    case 'empty':
    case 'not_empty':
    case 'changed':
    case 'date_today':
      return { field: key, op };
    case 'eq':
    case 'ne':
    case 'changed_to':
    case 'changed_from': {
      const value: Single =
        previousScalar ??
        (Array.isArray(previous) ? previous.filter((item) => typeof item === 'string') : firstSingle(field));
      return { field: key, op, value };
    }
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { field: key, op, value: previousScalar ?? firstSingle(field) };
    case 'between': {
      const pair = Array.isArray(previous) ? previous.map(boundOf) : [];
      return { field: key, op, value: [pair[0] ?? '', pair[1] ?? ''] };
    }
    case 'in':
    case 'not_in':
      return {
        field: key,
        op,
        value: Array.isArray(previous) ? previous.flatMap((item) => boundOf(item) ?? []) : [],
      };
    case 'date_within_last':
    case 'date_within_next':
      return {
        field: key,
        op,
        value: typeof previous === 'number' && Number.isInteger(previous) && previous >= 0 ? previous : 7,
      };
  }
}

export function ruleValue(rule: ConditionRule): unknown {
  return 'value' in rule ? rule.value : undefined;
}

/**
 * The same rule on another field: its operator kept when the new field's type allows it, its value
 * kept only when the two fields hold the same kind of value (a picklist value means nothing to money).
 */
export function changeField(args: {
  rule: ConditionRule;
  from: FieldMeta | undefined;
  field: FieldMeta | undefined;
  key: string;
  kind: WorkflowKind;
}): ConditionRule {
  const { rule, from, field, key, kind } = args;
  const allowed = operatorsFor(field, kind);
  const op = allowed.includes(rule.op) ? rule.op : (allowed[0] ?? 'eq');
  const sameValues =
    from !== undefined && field !== undefined && from.type === field.type && from.type !== 'picklist';
  return makeRule({ field, key, op, ...(sameValues && op === rule.op ? { previous: ruleValue(rule) } : {}) });
}

export function changeOperator(args: {
  rule: ConditionRule;
  field: FieldMeta | undefined;
  op: Operator;
}): ConditionRule {
  const { rule, field, op } = args;
  return makeRule({ field, key: rule.field, op, previous: ruleValue(rule) });
}

/** A new rule on the module's first field that can be compared here. */
export function newRule(module: ModuleMeta, kind: WorkflowKind): ConditionRule {
  const field = module.fields.find((candidate) => operatorsFor(candidate, kind).length > 0);
  const op = operatorsFor(field, kind)[0] ?? 'eq';
  return makeRule({ field, key: field?.key ?? '', op });
}

export function newGroup(
  module: ModuleMeta,
  kind: WorkflowKind,
  parentLogic: ConditionGroup['logic'],
): ConditionGroup {
  // A nested group usually says the other thing: (a AND (b OR c)).
  return { logic: parentLogic === 'and' ? 'or' : 'and', rules: [newRule(module, kind)] };
}

export function replaceItem(
  items: readonly ConditionItem[],
  index: number,
  next: ConditionItem,
): ConditionItem[] {
  return items.map((item, position) => (position === index ? next : item));
}

export function removeItem(items: readonly ConditionItem[], index: number): ConditionItem[] {
  return items.filter((_item, position) => position !== index);
}
