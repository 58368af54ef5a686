import {
  type AnyNodeDefinition,
  type FieldType,
  type FormTextCode,
  type FormWidget,
  flatWidgets,
  type OneOfOption,
  type PrintAttachment,
  render,
  switchVariant,
  type TaskWorkAppSync,
  widgetShown,
} from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllocationRules } from '../../../api/workflow-resources.ts';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { AttachmentToggle } from '../controls/AttachmentToggle.tsx';
import { Field } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions, moduleFieldOptions } from '../controls/field-options.ts';
import { CheckList, NumberBox, type Option, Radios, SelectBox } from '../controls/inputs.tsx';
import { MergeText } from '../controls/MergeText.tsx';
import { ProviderSelect, RecipientsEditor, TemplateSelect, useUserOptions } from '../controls/pickers.tsx';
import { type NodeFormProps, useDraft } from './form-kit.tsx';
import { WorkAppSyncFields } from './WorkAppSyncFields.tsx';

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
  /** The record's fields of these types. */
  fields: (widget: { types: readonly FieldType[] }) => Option[];
  /** The values of a picklist field of a module. */
  picklist: (widget: Extract<Widget, { widget: 'picklist' }>) => Option[];
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
  const { module, catalog, kind } = useEditorScope();
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
    fields: (widget) => fieldOptions({ module, locale, types: widget.types }),
    picklist: (widget) => moduleFieldOptions({ catalog, module: widget.module, key: widget.field, locale }),
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
  const hint = 'hint' in widget && widget.hint ? { hint: say(widget.hint) } : {};
  switch (widget.widget) {
    case 'recipients': {
      const { labels } = widget;
      return (
        <RecipientsEditor
          value={recipientsAt(config, key)}
          fieldTypes={widget.fieldTypes}
          labels={{
            fields: say(labels.fields),
            users: say(labels.users),
            ...(labels.addresses ? { addresses: say(labels.addresses) } : {}),
          }}
          onChange={set}
        />
      );
    }
    case 'attachment':
      return <AttachmentToggle value={attachmentAt(config, key)} onChange={set} />;
    case 'work-app-sync':
      return <WorkAppSyncFields value={workAppAt(config, key)} onChange={set} />;
    case 'users':
      return (
        <CheckList
          legend={say(widget.label)}
          path={key}
          options={context.users}
          values={strings(config[key])}
          onChange={set}
          {...hint}
        />
      );
    case 'one-of':
      return <OneOf widget={widget} context={context} />;
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
          {...(widget.systemLabel ? { systemLabel: say(widget.systemLabel) } : {})}
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
          case 'picklist':
            return (
              <SelectBox control={control} value={text} options={context.picklist(widget)} onChange={set} />
            );
          case 'field':
            return (
              <FieldSelect control={control} value={text} options={context.fields(widget)} onChange={set} />
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

/**
 * A setting of one of several shapes (`{ field }` or `{ user }`): radios choose the shape, which
 * starts from its `start` or the first choice on offer; the chosen shape's control edits its value.
 */
function OneOf({ widget, context }: { widget: Extract<Widget, { widget: 'one-of' }>; context: Context }) {
  const { t } = useTranslation();
  const name = useId();
  const { config, say } = context;
  const { key } = widget;
  const value = isRecord(config[key]) ? config[key] : {};
  const chosen = widget.options.find((option) => option.key in value) ?? widget.options[0];
  const set = (shape: string, inner: unknown) => context.onChange({ ...config, [key]: { [shape]: inner } });
  const start = (option: OneOfOption): unknown => {
    switch (option.input) {
      case 'user':
        return context.users[0]?.value ?? '';
      case 'field':
        return option.start ?? context.fields(option)[0]?.value ?? '';
    }
  };
  if (!chosen) return null;
  const path = `${key}.${chosen.key}`;
  const inner = stringAt(value, chosen.key);
  return (
    <>
      <Radios
        legend={say(widget.label)}
        name={name}
        value={chosen.key}
        options={widget.options.map((option) => ({ value: option.key, label: say(option.label) }))}
        onChange={(shape) => {
          const option = widget.options.find((each) => each.key === shape);
          if (option) set(shape, start(option));
        }}
      />
      <Field label={say(chosen.label)} path={path}>
        {(control) => {
          switch (chosen.input) {
            case 'user':
              return (
                <SelectBox
                  control={control}
                  value={inner}
                  options={context.users}
                  placeholder={t('editor.form.chooseUser')}
                  onChange={(user) => set(chosen.key, user)}
                />
              );
            case 'field':
              return (
                <FieldSelect
                  control={control}
                  value={inner}
                  options={context.fields(chosen)}
                  onChange={(field) => set(chosen.key, field)}
                />
              );
          }
        }}
      </Field>
    </>
  );
}

/** After a variant switch: each empty picker marked `pickFirst` that now shows takes its first choice. */
function pickFirsts(args: { config: Config; all: readonly Widget[]; context: Context }): Config {
  const { all, context } = args;
  const config = { ...args.config };
  for (const widget of flatWidgets(all)) {
    if (!widgetShown(widget, config) || !('pickFirst' in widget) || !widget.pickFirst) continue;
    if (stringAt(config, widget.key) !== '') continue;
    const choices = widget.widget === 'field' ? context.fields(widget) : context.rules;
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

/** The attachment as it is being filled in: its template may not be chosen yet. */
function attachmentAt(config: Config, key: string): PrintAttachment | null {
  const value = config[key];
  if (!isRecord(value)) return null;
  return {
    printTemplateId: stringAt(value, 'printTemplateId'),
    format: value.format === 'original' ? 'original' : 'pdf',
  };
}

function workAppAt(config: Config, key: string): TaskWorkAppSync | null {
  const value = config[key];
  if (!isRecord(value)) return null;
  return {
    providerId: stringAt(value, 'providerId'),
    projectId: stringAt(value, 'projectId'),
    groupId: stringAt(value, 'groupId'),
  };
}

function recipientsAt(config: Config, key: string): { fields: string[]; users: string[] } {
  const value = config[key];
  return isRecord(value)
    ? { ...value, fields: strings(value.fields), users: strings(value.users) }
    : { fields: [], users: [] };
}
