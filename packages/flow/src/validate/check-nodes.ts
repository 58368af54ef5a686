import type { FlowNode } from '../graph/flow-graph.ts';
import { findUnknownMergeFields, type UnknownMergeFieldReason } from '../merge/find-unknown-merge-fields.ts';
import type { ModuleCatalog, ModuleMeta } from '../metadata/field-meta.ts';
import { nodeDefinition } from '../nodes/catalog.ts';
import { type AnyNodeDefinition, allowsModule, type WorkflowKind } from '../nodes/node-definition.ts';
import type { TitleOf } from './check-structure.ts';
import { pathOfText } from './node-title.ts';
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
    const title = args.titleOf(node.id);
    const place = (issue: ConfigIssue): ValidationError => ({
      nodeId: node.id,
      path: ['config', ...issue.path].join('.'),
      code: issue.code,
      message: `${title.vi}: ${issue.message}`,
      messageEn: `${title.en}: ${issue.messageEn}`,
    });
    if (!definition) {
      return [
        {
          nodeId: node.id,
          path: 'type',
          code: 'node_type_unknown',
          message: `Nút "${node.id}" có loại không xác định "${node.type}".`,
          messageEn: `Node "${node.id}" has an unknown type "${node.type}".`,
        },
      ];
    }
    const placement = checkPlacement({ ...args, definition, title });
    if (placement) return [{ nodeId: node.id, ...placement }];
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
  args: NodeCheckArgs & { definition: AnyNodeDefinition; title: { vi: string; en: string } },
): Omit<ValidationError, 'nodeId'> | null {
  const { definition, module, kind, title } = args;
  if (!allowsModule(definition, module.key)) {
    return {
      code: 'node_not_allowed_module',
      message: `${title.vi}: không dùng được cho phân hệ ${module.labelVi}.`,
      messageEn: `${title.en}: not available for module ${module.labelEn}.`,
    };
  }
  if (!definition.kinds.includes(kind)) {
    return {
      code: 'node_not_allowed_kind',
      message: `${title.vi}: không dùng được trong ${kind === 'event' ? 'quy trình làm việc' : 'quy trình chăm sóc'}.`,
      messageEn: `${title.en}: not available in a ${kind === 'event' ? 'workflow' : 'care process'}.`,
    };
  }
  return null;
}

const reasonText: Record<
  UnknownMergeFieldReason,
  (raw: string, module: ModuleMeta) => { vi: string; en: string }
> = {
  field_unknown: (raw, module) => ({
    vi: `trường trộn ${raw} không có trong phân hệ ${module.labelVi}.`,
    en: `merge field ${raw} does not exist in module ${module.labelEn}.`,
  }),
  not_reference: (raw) => ({
    vi: `trường trộn ${raw}: trường trước dấu chấm không phải trường liên kết.`,
    en: `merge field ${raw}: the field before the dot is not a reference.`,
  }),
  key_unknown: (raw) => ({
    vi: `trường trộn ${raw} không có trong bản ghi liên kết.`,
    en: `merge field ${raw} does not exist on the referenced record.`,
  }),
};

function checkMergeFields(
  args: NodeCheckArgs & { definition: AnyNodeDefinition; config: unknown },
): ConfigIssue[] {
  const { definition, config, module, catalog } = args;
  return definition.mergeFieldTexts(config).flatMap((text) =>
    findUnknownMergeFields({ text, module, catalog }).map((unknown) => {
      const words = reasonText[unknown.reason](unknown.raw, module);
      return {
        path: pathOfText(config, text) ?? [],
        code: 'merge_field_unknown' as const,
        message: `${words.vi.charAt(0).toUpperCase()}${words.vi.slice(1)}`,
        messageEn: `${words.en.charAt(0).toUpperCase()}${words.en.slice(1)}`,
      };
    }),
  );
}
