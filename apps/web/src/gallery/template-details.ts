import { type FlowGraph, type Locale, type ModuleCatalog, ModuleKey, type WorkflowKind } from '@crmflow/flow';
import type { TFunction } from 'i18next';
import type { TemplateNeed } from '../api/gallery.ts';
import { describeStep } from '../editor/canvas/describe-step.ts';
import { labelOf } from '../records/format.ts';
import { TemplateChannel } from './template-filter.ts';
import { templateSteps } from './template-steps.ts';

/** The texts of a step a reader of the preview wants to see in full, in this order. */
export const stepTextKeys = ['subject', 'body', 'text', 'message', 'title', 'description'] as const;
export type StepTextKey = (typeof stepTextKeys)[number];

/** What a placeholder stands for, in words: "Nhà cung cấp SMS", "Quy tắc phân bổ của phân hệ Tiềm năng". */
export function needLabel(args: {
  need: TemplateNeed;
  catalog: ModuleCatalog | null;
  locale: Locale;
  t: TFunction;
}) {
  const { need, catalog, locale, t } = args;
  const key = ModuleKey.safeParse(need.scope);
  const module = key.success ? catalog?.[key.data] : undefined;
  const channel = TemplateChannel.safeParse(need.scope);
  return t(`templateGallery.need.${need.what}`, {
    channel: channel.success ? t(`outbox.channel.${channel.data}`) : need.scope,
    module: module ? labelOf(module, locale) : need.scope,
    params: need.scope.split('__').join(', '),
  });
}

/** HTML bodies read as plain text in the preview. */
function plainText(value: string): string {
  return value
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface PreviewStep {
  id: string;
  category: string;
  label: string;
  name: string | null;
  summary: string;
  icon: string;
  texts: { key: StepTextKey; value: string }[];
}

/** The steps of a template in the order they run, each with its summary in words and its texts. */
export function previewSteps(args: {
  graph: FlowGraph;
  module: ModuleKey;
  kind: WorkflowKind;
  catalog: ModuleCatalog;
  locale: Locale;
  names: ReadonlyMap<string, string>;
}): PreviewStep[] {
  const { graph, catalog, kind, locale, names } = args;
  const module = catalog[args.module];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  return templateSteps(graph, locale).flatMap((step) => {
    const node = byId.get(step.id);
    if (!node) return [];
    const described = describeStep({
      nodeType: node.type,
      config: node.config,
      module,
      catalog,
      kind,
      locale,
      names,
    });
    const texts = stepTextKeys.flatMap((key) => {
      const value = node.config[key];
      if (typeof value !== 'string' || value.trim() === '' || (key === 'title' && value === step.name))
        return [];
      return [{ key, value: key === 'body' ? plainText(value) : value }];
    });
    return [{ ...step, summary: described.summary, icon: described.icon, texts }];
  });
}
