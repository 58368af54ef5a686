import type { FlowGraph, ModuleKey, WorkflowKind } from '@crmflow/flow';
import { z } from 'zod';

/** The outgoing channels a template may send through, by the step type that uses each. */
export const TemplateChannel = z.enum(['email', 'sms', 'zns', 'webhook']);
export type TemplateChannel = z.infer<typeof TemplateChannel>;
export const templateChannels = TemplateChannel.options;

const channelOfStep: Record<string, TemplateChannel> = {
  send_email: 'email',
  send_sms: 'sms',
  send_zalo_zns: 'zns',
  webhook: 'webhook',
};

export function channelsOf(graph: FlowGraph): TemplateChannel[] {
  const used = new Set(graph.nodes.map((node) => channelOfStep[node.type]));
  return templateChannels.filter((channel) => used.has(channel));
}

/** Lower case without Vietnamese accents: "Sinh Nhật" and "sinh nhat" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export interface FilterableTemplate {
  module: ModuleKey;
  kind: WorkflowKind;
  nameVi: string;
  nameEn: string;
  descriptionVi: string | null;
  descriptionEn: string | null;
  graph: FlowGraph;
}

export interface TemplateFilter {
  module?: ModuleKey | undefined;
  kind?: WorkflowKind | undefined;
  channel?: TemplateChannel | undefined;
  /** Words to find in the names, descriptions and step names, whatever their case and accents. */
  search?: string | undefined;
}

function searchableText(template: FilterableTemplate): string {
  const stepNames = template.graph.nodes
    .map((node) => node.config.name)
    .filter((name) => typeof name === 'string');
  return foldText(
    [
      template.nameVi,
      template.nameEn,
      template.descriptionVi ?? '',
      template.descriptionEn ?? '',
      ...stepNames,
    ].join(' '),
  );
}

export function matchesFilter(template: FilterableTemplate, filter: TemplateFilter): boolean {
  if (filter.module && template.module !== filter.module) return false;
  if (filter.kind && template.kind !== filter.kind) return false;
  if (filter.channel && !channelsOf(template.graph).includes(filter.channel)) return false;
  const words = foldText(filter.search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const text = searchableText(template);
  return words.every((word) => text.includes(word));
}
