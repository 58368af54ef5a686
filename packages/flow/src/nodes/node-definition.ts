import { z } from 'zod';
import type { Locale } from '../messages/locale.ts';
import type { ModuleCatalog, ModuleKey, ModuleMeta } from '../metadata/field-meta.ts';
import type { ConfigIssue, SettingLabel, ValidationContext } from '../validate/validation-error.ts';
import type { NodeForm } from './node-form.ts';

export const NodeCategory = z.enum(['trigger', 'condition', 'action']);
export type NodeCategory = z.infer<typeof NodeCategory>;

/** `event`: Quy trình làm việc (record changes); `schedule`: Quy trình chăm sóc (dates). */
export const WorkflowKind = z.enum(['event', 'schedule']);
export type WorkflowKind = z.infer<typeof WorkflowKind>;

export interface SummaryArgs<Config> {
  config: Config;
  module: ModuleMeta;
  /** Lets a summary name fields of related modules; without it their keys are shown. */
  catalog?: ModuleCatalog;
  locale: Locale;
  /**
   * The names of what the organization has — users, templates, allocation rules — by id, so a
   * summary reads "Nguyễn Văn An" rather than an id; without it the ids are shown.
   */
  nameOf?: (id: string) => string | undefined;
}

export interface CheckArgs<Config> {
  config: Config;
  module: ModuleMeta;
  catalog: ModuleCatalog;
  kind: WorkflowKind;
  context: ValidationContext;
}

/**
 * A node type, declared once: this drives the palette, the inspector form, validation, the
 * migration of saved configs and the executor's input type. Methods (not function properties) keep the declarations assignable
 * to `AnyNodeDefinition`, which the validator walks without knowing each config's type.
 */
export interface NodeDefinition<
  Type extends string,
  Category extends NodeCategory,
  Schema extends z.ZodType,
> {
  type: Type;
  category: Category;
  labelVi: string;
  labelEn: string;
  descriptionVi: string;
  descriptionEn: string;
  /** A short icon name the SPA maps to its icon set. */
  icon: string;
  modules: 'all' | readonly ModuleKey[];
  kinds: readonly WorkflowKind[];
  configSchema: Schema;
  /**
   * The version of the config's shape, 1 at first. Raise it when a change to `configSchema`
   * would refuse configs saved before, and add the migration from the version before.
   */
  version: number;
  /**
   * From each older version to the next one: `{ 1: (config) => ({ ...config, unit: 'days' }) }`.
   * Saved graphs are migrated on read (`migrateGraph`), so a config always meets the schema of
   * its declaration's current version.
   */
  migrations?: Readonly<Record<number, ConfigMigration>>;
  /** How the inspector shows the config: its settings in order, or the hand-written form's name. */
  form: NodeForm<z.infer<Schema>>;
  /**
   * How problems name each setting, by its place in the config (`attachment.printTemplateId`,
   * `*` for any list index): "chưa chọn mẫu in để đính kèm". A place without a label takes the
   * label of the nearest setting around it.
   */
  labels: Readonly<Record<string, SettingLabel>>;
  /**
   * The config a node starts with when dropped on the canvas; it may still need filling in.
   * `kind` matters only to the trigger, whose config differs between the two kinds.
   */
  defaults(module: ModuleMeta, kind?: WorkflowKind): z.infer<Schema>;
  /** One line in words, shown on the canvas node. */
  summary(args: SummaryArgs<z.infer<Schema>>): string;
  /** The texts that may hold merge fields, checked when the flow is saved. */
  mergeFieldTexts(config: z.infer<Schema>): string[];
  /** Checks against the module's fields and the organization's data, after the schema passed. */
  checkConfig?(args: CheckArgs<z.infer<Schema>>): ConfigIssue[];
}

/** One step of a config's migration: the config of one version in, the next version's out. */
export type ConfigMigration = (config: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export type AnyNodeDefinition = NodeDefinition<string, NodeCategory, z.ZodType>;

export function defineNode<
  const Type extends string,
  const Category extends NodeCategory,
  Schema extends z.ZodType,
>(definition: NodeDefinition<Type, Category, Schema>): NodeDefinition<Type, Category, Schema> {
  return definition;
}

export function allowsModule(definition: AnyNodeDefinition, module: ModuleKey): boolean {
  return definition.modules === 'all' || definition.modules.includes(module);
}

export function nodeLabel(definition: AnyNodeDefinition, locale: Locale): string {
  return locale === 'vi' ? definition.labelVi : definition.labelEn;
}
