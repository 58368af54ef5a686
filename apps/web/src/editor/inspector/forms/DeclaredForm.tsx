import {
  type AnyNodeDefinition,
  type FormTextCode,
  type FormWidget,
  flatWidgets,
  render,
  switchVariant,
  widgetShown,
} from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllocationRules } from '../../../api/workflow-resources.ts';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions } from '../controls/field-options.ts';
import { NumberBox, type Option, Radios, SelectBox } from '../controls/inputs.tsx';
import { MergeText } from '../controls/MergeText.tsx';
import { ProviderSelect, RecipientsEditor, TemplateSelect, useUserOptions } from '../controls/pickers.tsx';
import { type NodeFormProps, useDraft } from './form-kit.tsx';

type Config = Record<string, unknown>;
type Widget = FormWidget;

/** What the widgets share: the config, how to change it, the choices of the pickers. */
interface Context {
  config: Config;
  onChange: (config: Config) => void;
  say: (code: FormTextCode) => string;
  users: Option[];
  rules: Option[];
  /** The module has no allocation rules (or the server no such list). */
  noRules: boolean;
  dates: (widget: Extract<Widget, { widget: 'field' }>) => Option[];
}

/**
 * The inspector form of a node whose declaration lists its settings (`form.widgets`): each
 * setting with its control, label and help text, in the declared order, beside its problems.
 */
export function DeclaredForm({
  definition,
  widgets,
  raw,
  onChange,
}: NodeFormProps & { definition: AnyNodeDefinition; widgets: readonly Widget[] }) {
  const locale = useLocale();
  const { module, kind } = useEditorScope();
  const draft: unknown = useDraft({
    schema: definition.configSchema,
    defaults: definition.defaults(module, kind),
    raw,
  });
  const rules = useAllocationRules(module.key);
  const context: Context = {
    config: isRecord(draft) ? draft : {},
    onChange,
    say: (code) => render(locale, code),
    users: useUserOptions(),
    rules: rules.items.map((rule) => ({ value: rule.id, label: rule.name })),
    noRules: rules.items.length === 0,
    dates: (widget) => fieldOptions({ module, locale, types: widget.types }),
  };
  return <Widgets widgets={widgets} all={widgets} context={context} />;
}

function Widgets({
  widgets,
  all,
  context,
}: {
  widgets: readonly Widget[];
  all: readonly Widget[];
  context: Context;
}) {
  return (
    <>
      {widgets
        .filter((widget) => widgetShown(widget, context.config))
        .map((widget, index) => (
          <DeclaredWidget
            key={'key' in widget ? widget.key : `${widget.widget}-${index}`}
            widget={widget}
            all={all}
            context={context}
          />
        ))}
    </>
  );
}

function DeclaredWidget({
  widget,
  all,
  context,
}: {
  widget: Widget;
  all: readonly Widget[];
  context: Context;
}) {
  const { t } = useTranslation();
  const radios = useId();
  const { config, say } = context;
  if (widget.widget === 'row') {
    return (
      <div className="inspector-row">
        <Widgets widgets={widget.widgets} all={all} context={context} />
      </div>
    );
  }
  if (widget.widget === 'note') return <p className="field__hint">{say(widget.text)}</p>;
  const { key } = widget;
  const set = (value: unknown) => context.onChange({ ...config, [key]: value });
  const text = stringAt(config, key);
  const hint = widget.widget === 'recipients' || !widget.hint ? {} : { hint: say(widget.hint) };
  switch (widget.widget) {
    case 'recipients':
      return (
        <RecipientsEditor
          value={recipientsAt(config, key)}
          fieldTypes={widget.fieldTypes}
          labels={{ fields: say(widget.labels.fields), users: say(widget.labels.users) }}
          onChange={set}
        />
      );
    case 'variant':
      return (
        <Radios
          legend={say(widget.label)}
          name={radios}
          path={key}
          value={text}
          options={widget.choices.map((choice) => ({ value: choice.value, label: say(choice.label) }))}
          onChange={(value) =>
            context.onChange(pickFirsts({ config: switchVariant({ widget, config, value }), all, context }))
          }
          {...hint}
        />
      );
    case 'provider':
      return (
        <ProviderSelect
          kind={widget.kind}
          path={key}
          label={say(widget.label)}
          value={text}
          {...(widget.defaultLabel ? { defaultLabel: say(widget.defaultLabel) } : {})}
          onChange={(value) => {
            if (value !== '' || !widget.defaultLabel) return set(value);
            const { [key]: _dropped, ...rest } = config;
            context.onChange(rest);
          }}
        />
      );
    case 'template':
      return (
        <TemplateSelect
          kind={widget.kind}
          label={say(widget.label)}
          path={key}
          value={text || null}
          emptyLabel={say(widget.emptyLabel)}
          onChange={set}
        />
      );
    case 'toggle':
      return (
        <label className="field--inline inspector-check">
          <input
            type="checkbox"
            className="checkbox"
            checked={config[key] === true}
            onChange={(event) => set(event.target.checked)}
          />
          <span>{say(widget.label)}</span>
        </label>
      );
  }
  const noRules =
    widget.widget === 'allocation-rule' && context.noRules ? { hint: say(widget.noneHint) } : {};
  return (
    <Field
      label={say(widget.label)}
      path={key}
      {...hint}
      {...(widget.widget === 'merge-text' && widget.mergeHint ? { hint: t('editor.form.merge.hint') } : {})}
      {...noRules}
    >
      {(control) => {
        switch (widget.widget) {
          case 'text':
            return (
              <input
                {...control}
                className="input"
                type={widget.inputType ?? 'text'}
                value={text}
                maxLength={widget.maxLength}
                placeholder={widget.placeholder}
                onChange={(event) => set(event.target.value)}
              />
            );
          case 'merge-text':
            return (
              <MergeText
                control={control}
                multiline={widget.multiline ?? false}
                value={text}
                onChange={set}
              />
            );
          case 'number':
            return (
              <NumberBox
                control={control}
                value={numberAt(config, key)}
                min={widget.min}
                max={widget.max}
                onChange={set}
              />
            );
          case 'select':
            return (
              <SelectBox
                control={control}
                value={text}
                options={widget.choices.map((choice) => ({ value: choice.value, label: say(choice.label) }))}
                onChange={set}
              />
            );
          case 'field':
            return (
              <FieldSelect control={control} value={text} options={context.dates(widget)} onChange={set} />
            );
          case 'user':
            return (
              <SelectBox
                control={control}
                value={text}
                options={context.users}
                placeholder={t('editor.form.chooseUser')}
                onChange={set}
              />
            );
          case 'allocation-rule':
            return (
              <SelectBox
                control={control}
                value={text}
                options={context.rules}
                placeholder={t('editor.form.choose')}
                onChange={set}
              />
            );
        }
      }}
    </Field>
  );
}

/** After a variant switch: each empty picker marked `pickFirst` that now shows takes its first choice. */
function pickFirsts(args: { config: Config; all: readonly Widget[]; context: Context }): Config {
  const { all, context } = args;
  const config = { ...args.config };
  for (const widget of flatWidgets(all)) {
    if (!widgetShown(widget, config) || !('pickFirst' in widget) || !widget.pickFirst) continue;
    if (stringAt(config, widget.key) !== '') continue;
    const choices = widget.widget === 'field' ? context.dates(widget) : context.rules;
    config[widget.key] = choices[0]?.value ?? '';
  }
  return config;
}

function isRecord(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(config: Config, key: string): string {
  const value = config[key];
  return typeof value === 'string' ? value : '';
}

function numberAt(config: Config, key: string): number {
  const value = config[key];
  return typeof value === 'number' ? value : 0;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function recipientsAt(config: Config, key: string): { fields: string[]; users: string[] } {
  const value = config[key];
  return isRecord(value)
    ? { ...value, fields: strings(value.fields), users: strings(value.users) }
    : { fields: [], users: [] };
}
