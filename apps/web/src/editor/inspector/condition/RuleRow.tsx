import { type ConditionRule, type FieldMeta, findField, operatorLabels } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions, picklistOptions } from '../controls/field-options.ts';
import { CheckList, NumberBox, SelectBox, TagInput } from '../controls/inputs.tsx';
import { type ScalarValue, ValueInput } from '../controls/ValueInput.tsx';
import { changeField, changeOperator, operatorsFor } from './condition-edit.ts';

/** One `field operator value` criterion: the operators fit the field, the value input fits both. */
export function RuleRow({
  rule,
  path,
  number,
  onChange,
  onRemove,
}: {
  rule: ConditionRule;
  /** Where the rule sits in the config: `rules.1.rules.0`. */
  path: string;
  number: number;
  onChange: (rule: ConditionRule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, kind } = useEditorScope();
  const field = findField(module, rule.field);
  const operators = operatorsFor(field, kind);
  return (
    <fieldset
      className="rule-row"
      aria-label={t('editor.form.condition.rule', { n: number })}
      data-testid="rule-row"
    >
      <Field label={t('editor.form.condition.field')} path={`${path}.field`}>
        {(control) => (
          <FieldSelect
            control={control}
            value={rule.field}
            options={fieldOptions({ module, locale })}
            onChange={(key) =>
              onChange(changeField({ rule, from: field, field: findField(module, key), key, kind }))
            }
          />
        )}
      </Field>
      <Field label={t('editor.form.condition.operator')} path={`${path}.op`}>
        {(control) => (
          <SelectBox
            control={control}
            value={rule.op}
            options={operators.map((op) => ({ value: op, label: operatorLabels[op][locale] }))}
            onChange={(next) => {
              const op = operators.find((candidate) => candidate === next);
              if (op) onChange(changeOperator({ rule, field, op }));
            }}
          />
        )}
      </Field>
      <RuleValue rule={rule} field={field} path={`${path}.value`} onChange={onChange} />
      <button
        type="button"
        className="btn btn--ghost btn--sm rule-row__remove"
        onClick={onRemove}
        aria-label={t('editor.form.condition.removeRule', { n: number })}
      >
        ×
      </button>
    </fieldset>
  );
}

function RuleValue({
  rule,
  field,
  path,
  onChange,
}: {
  rule: ConditionRule;
  field: FieldMeta | undefined;
  path: string;
  onChange: (rule: ConditionRule) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = t('editor.form.condition.value');
  switch (rule.op) {
    case 'eq':
    case 'ne':
    case 'changed_to':
    case 'changed_from':
      if (field?.type === 'multipicklist' || Array.isArray(rule.value)) {
        const values = Array.isArray(rule.value) ? rule.value : [];
        return (
          <CheckList
            legend={label}
            path={path}
            options={field ? picklistOptions(field, locale) : []}
            values={values}
            onChange={(next) => onChange({ ...rule, value: next })}
          />
        );
      }
      return (
        <Single
          label={label}
          path={path}
          field={field}
          value={rule.value}
          onChange={(value) => onChange({ ...rule, value })}
        />
      );
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return (
        <Single
          label={label}
          path={path}
          field={field}
          value={rule.value}
          onChange={(value) => onChange({ ...rule, value })}
        />
      );
    case 'between': {
      const [from, to] = rule.value;
      const bound = (value: ScalarValue) => (typeof value === 'boolean' ? String(value) : value);
      return (
        <div className="rule-row__range">
          <Single
            label={t('editor.form.condition.from')}
            path={`${path}.0`}
            field={field}
            value={from}
            onChange={(value) => onChange({ ...rule, value: [bound(value), to] })}
          />
          <Single
            label={t('editor.form.condition.to')}
            path={`${path}.1`}
            field={field}
            value={to}
            onChange={(value) => onChange({ ...rule, value: [from, bound(value)] })}
          />
        </div>
      );
    }
    case 'in':
    case 'not_in': {
      const values = rule.value.map(String);
      if (field && field.options.length > 0) {
        return (
          <CheckList
            legend={label}
            path={path}
            options={picklistOptions(field, locale)}
            values={values}
            onChange={(next) => onChange({ ...rule, value: next })}
          />
        );
      }
      const numeric = field?.type === 'number' || field?.type === 'money';
      return (
        <Field label={label} path={path} hint={t('editor.form.values.listHint')}>
          {(control) => (
            <TagInput
              control={control}
              values={values}
              inputType={numeric ? 'number' : field?.type === 'date' ? 'date' : 'text'}
              onChange={(next) =>
                onChange({ ...rule, value: numeric ? next.map(Number).filter(Number.isFinite) : next })
              }
            />
          )}
        </Field>
      );
    }
    case 'date_within_last':
    case 'date_within_next':
      return (
        <Field label={t('editor.form.condition.days')} path={path}>
          {(control) => (
            <NumberBox
              control={control}
              value={rule.value}
              min={0}
              max={3660}
              onChange={(value) => onChange({ ...rule, value })}
            />
          )}
        </Field>
      );
    default:
      return null;
  }
}

function Single({
  label,
  path,
  field,
  value,
  onChange,
}: {
  label: string;
  path: string;
  field: FieldMeta | undefined;
  value: ScalarValue;
  onChange: (value: ScalarValue) => void;
}) {
  return (
    <Field label={label} path={path}>
      {(control) => <ValueInput control={control} field={field} value={value} onChange={onChange} />}
    </Field>
  );
}
