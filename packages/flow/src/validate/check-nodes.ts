import type { FlowNode } from '../graph/flow-graph.ts';
import { findUnknownMergeFields, type UnknownMergeFieldReason } from '../merge/find-unknown-merge-fields.ts';
import { type MessageCode, text } from '../messages/catalogue.ts';
import type { ModuleCatalog, ModuleMeta } from '../metadata/field-meta.ts';
import { nodeDefinition } from '../nodes/catalog.ts';
import { type AnyNodeDefinition, allowsModule, type WorkflowKind } from '../nodes/node-definition.ts';
import { stepError, type TitleOf } from './check-structure.ts';
import { pathOfText, settingLabel } from './node-title.ts';
import type { ConfigIssue, ValidationContext, ValidationError } from './validation-error.ts';
import { parseWithIssues } from './zod-issues.ts';

interface NodeCheckArgs {
  module: ModuleMeta;
  catalog: ModuleCatalog;
  kind: WorkflowKind;
  context: ValidationContext;
  titleOf: TitleOf;
}

/** Each node on its own: a known type, allowed here, a config that fits its schema and the module. */
export function checkNodes(args: NodeCheckArgs & { nodes: FlowNode[] }): ValidationError[] {
  return args.nodes.flatMap((node) => {
    const definition = nodeDefinition(node.type);
    const step = args.titleOf(node.id);
    if (!definition) {
      const problem = text('validation.node_type_unknown');
      return [stepError({ nodeId: node.id, step, code: 'node_type_unknown', problem, path: 'type' })];
    }
    const place = (issue: ConfigIssue): ValidationError => {
      const problem =
        typeof issue.message === 'function'
          ? issue.message(settingLabel(definition, issue.path))
          : issue.message;
      const path = ['config', ...issue.path].join('.');
      return stepError({ nodeId: node.id, step, code: issue.code, problem, path });
    };
    const placement = checkPlacement({ ...args, definition });
    if (placement) return [stepError({ nodeId: node.id, step, ...placement })];
    const parsed = parseWithIssues(definition.configSchema, node.config);
    if (!parsed.ok) return parsed.issues.map(place);
    const issues = [
      ...(definition.checkConfig?.({ ...args, config: parsed.data }) ?? []),
      ...checkMergeFields({ ...args, definition, config: parsed.data }),
    ];
    return issues.map(place);
  });
}

function checkPlacement(
  args: NodeCheckArgs & { definition: AnyNodeDefinition },
): Pick<ValidationError, 'code' | 'problem'> | null {
  const { definition, module, kind } = args;
  if (!allowsModule(definition, module.key)) {
    const name = { vi: module.labelVi, en: module.labelEn };
    return {
      code: 'node_not_allowed_module',
      problem: text('validation.node_not_allowed_module', { module: name }),
    };
  }
  if (!definition.kinds.includes(kind)) {
    const code =
      kind === 'event' ? 'validation.node_not_allowed_event' : 'validation.node_not_allowed_schedule';
    return { code: 'node_not_allowed_kind', problem: text(code) };
  }
  return null;
}

const reasonCodes = {
  field_unknown: 'config.merge_field_unknown',
  not_reference: 'config.merge_field_not_reference',
  key_unknown: 'config.merge_field_key_unknown',
} as const satisfies Record<UnknownMergeFieldReason, MessageCode>;

function checkMergeFields(
  args: NodeCheckArgs & { definition: AnyNodeDefinition; config: unknown },
): ConfigIssue[] {
  const { definition, config, module, catalog } = args;
  const moduleName = { vi: module.labelVi, en: module.labelEn };
  return definition.mergeFieldTexts(config).flatMap((value) =>
    findUnknownMergeFields({ text: value, module, catalog }).map((unknown) => ({
      path: pathOfText(config, value) ?? [],
      code: 'merge_field_unknown' as const,
      message:
        unknown.reason === 'field_unknown'
          ? text(reasonCodes.field_unknown, { raw: unknown.raw, module: moduleName })
          : text(reasonCodes[unknown.reason], { raw: unknown.raw }),
    })),
  );
}
