import type { FormTextCode } from '../messages/form-messages.ts';
import type { FieldType, ModuleKey } from '../metadata/field-meta.ts';

/**
 * How the inspector shows a node's config, declared beside its schema. A simple node lists its
 * settings in order, each with the control that edits it, and the SPA draws the form from that;
 * a node whose settings need a bespoke editor (a condition builder, a parameter mapping) names
 * the hand-written form the SPA keeps for it.
 */
export type NodeForm<Config = unknown> =
  | { custom: CustomFormName }
  | { widgets: readonly FormWidget<Config>[] };

/** The hand-written forms of the SPA, one per name; the SPA must have each (its map is typed so). */
export const customFormNames = [
  'trigger',
  'condition-builder',
  'update-fields-list',
  'zns-mapping',
  'care-card',
] as const;
export type CustomFormName = (typeof customFormNames)[number];

/** The keys of a config, of every variant when the config is a union (`mode`, `userId`, `ruleId`). */
export type ConfigKey<Config> = unknown extends Config
  ? string
  : Config extends unknown
    ? Extract<keyof Config, string>
    : never;

/** Shown only while every named setting holds the value given (`{ mode: 'duration' }`). */
export type ShownWhen<Config> = Partial<Record<ConfigKey<Config>, string | null>>;

interface Setting<Config> {
  key: ConfigKey<Config>;
  label: FormTextCode;
  hint?: FormTextCode;
  when?: ShownWhen<Config>;
}

/** One choice of a select or a set of radios: the stored value and its label. */
export interface FormChoice {
  value: string;
  label: FormTextCode;
}

/**
 * One shape of a `one-of` setting: the one key it holds (`{ user: '…' }`), the label of that
 * choice and of its control, and what the control is. Chosen, it starts from `start`, else from
 * the first user or field on offer.
 */
export type OneOfOption = { key: string; label: FormTextCode } & (
  | { input: 'user' }
  | { input: 'field'; types: readonly FieldType[]; start?: string }
);

export type FormWidget<Config = unknown> =
  /** A line of text; `url` checks the form of an address as it is typed. */
  | (Setting<Config> & {
      widget: 'text';
      inputType?: 'text' | 'url';
      maxLength?: number;
      placeholder?: string;
    })
  /** A text where `#` opens the merge-field picker; `mergeHint` says so under it. */
  | (Setting<Config> & { widget: 'merge-text'; multiline?: boolean; mergeHint?: boolean })
  | (Setting<Config> & { widget: 'number'; min: number; max: number })
  | (Setting<Config> & { widget: 'select'; choices: readonly FormChoice[] })
  /**
   * Radios choosing the variant of a config that is a union by this key. Switching keeps the
   * settings every variant shares and starts the others from `variants[value]`.
   */
  | (Setting<Config> & {
      widget: 'variant';
      choices: readonly FormChoice[];
      variants: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    })
  /** A user of the organization; `pickFirst` fills an empty one with the first on a variant switch. */
  | (Setting<Config> & { widget: 'user' })
  | (Setting<Config> & { widget: 'allocation-rule'; noneHint: FormTextCode; pickFirst?: boolean })
  /** A field of the record of the given types. */
  | (Setting<Config> & { widget: 'field'; types: readonly FieldType[]; pickFirst?: boolean })
  /** A message template of the module; the empty choice (stored as `null`) is `emptyLabel`. */
  | (Setting<Config> & { widget: 'template'; kind: 'email' | 'sms' | 'print'; emptyLabel: FormTextCode })
  /**
   * A provider set up by an admin. With `defaultLabel` the empty choice leaves it to the
   * organization's default, and the setting is then left out of the config; `systemLabel` offers
   * the system provider every organization has (`system`), for email.
   */
  | (Setting<Config> & {
      widget: 'provider';
      kind: 'email' | 'sms' | 'zns' | 'webhook' | 'workapp';
      defaultLabel?: FormTextCode;
      systemLabel?: FormTextCode;
    })
  /**
   * Who receives a message: fields of these types (of the record or a related one), users and,
   * with an `addresses` label, addresses typed in.
   */
  | {
      widget: 'recipients';
      key: ConfigKey<Config>;
      fieldTypes: readonly FieldType[];
      labels: { fields: FormTextCode; users: FormTextCode; addresses?: FormTextCode };
      when?: ShownWhen<Config>;
    }
  /** A value of a picklist field of a module (`task_type` of tasks). */
  | (Setting<Config> & { widget: 'picklist'; module: ModuleKey; field: string })
  /** Several users of the organization, ticked in a list. */
  | (Setting<Config> & { widget: 'users' })
  /**
   * A setting of one of several shapes, told apart by the one key it holds (`{ field }` or
   * `{ user }`): radios choose the shape, then the chosen shape's control edits its value.
   */
  | (Setting<Config> & { widget: 'one-of'; options: readonly OneOfOption[] })
  /** "Đính kèm tệp in": none, or a print template of the module sent as PDF or in its own format. */
  | { widget: 'attachment'; key: ConfigKey<Config>; when?: ShownWhen<Config> }
  /** "Đồng bộ sang ứng dụng công việc": none, or the work app, project and group a task also goes to. */
  | { widget: 'work-app-sync'; key: ConfigKey<Config>; when?: ShownWhen<Config> }
  | (Setting<Config> & { widget: 'toggle' })
  /** A sentence about what the step does, with no setting. */
  | { widget: 'note'; text: FormTextCode; when?: ShownWhen<Config> }
  /** Settings side by side. */
  | { widget: 'row'; widgets: readonly FormWidget<Config>[]; when?: ShownWhen<Config> };

/** The step name every action carries ("Tên hành động"), first in its form. */
export const nameWidget = {
  widget: 'text',
  key: 'name',
  label: 'form.name',
  maxLength: 200,
} as const satisfies FormWidget<{ name: string }>;

/** Whether a widget shows for this config (its `when` holds). */
export function widgetShown<Config>(widget: FormWidget<Config>, config: Readonly<Record<string, unknown>>) {
  const when: Readonly<Record<string, unknown>> = widget.when ?? {};
  return Object.entries(when).every(([key, value]) => (config[key] ?? null) === value);
}

/**
 * The config after choosing `value` for a `variant` widget: the settings no variant owns are
 * kept, the chosen variant's start values added.
 */
export function switchVariant(args: {
  widget: Extract<FormWidget, { widget: 'variant' }>;
  config: Readonly<Record<string, unknown>>;
  value: string;
}): Record<string, unknown> {
  const { widget, config, value } = args;
  const owned = new Set(Object.values(widget.variants).flatMap((variant) => Object.keys(variant)));
  const kept = Object.fromEntries(Object.entries(config).filter(([key]) => !owned.has(key)));
  return { ...kept, [widget.key]: value, ...widget.variants[value] };
}

/** Every widget of a form, those inside rows too (shown when their row is), in order. */
export function flatWidgets<Config>(
  widgets: readonly FormWidget<Config>[],
  around: ShownWhen<Config> = {},
): FormWidget<Config>[] {
  return widgets.flatMap((widget): FormWidget<Config>[] => {
    const when: ShownWhen<Config> = { ...around, ...widget.when };
    return widget.widget === 'row' ? flatWidgets(widget.widgets, when) : [{ ...widget, when }];
  });
}
