import { z } from 'zod';
import type { FlowGraph } from './flow-graph.ts';

/** What a template's placeholder stands for. */
export const TemplateNeedKind = z.enum([
  'printTemplate',
  'emailTemplate',
  'smsTemplate',
  'znsTemplate',
  'allocationRule',
  'provider',
  'user',
  'webhook',
]);
export type TemplateNeedKind = z.infer<typeof TemplateNeedKind>;

/**
 * Ids a workflow template cannot know in advance are written as `{{what:scope}}`, the whole value
 * of a config field: `{{printTemplate:order}}` (a print template of orders), `{{allocationRule:lead}}`,
 * `{{provider:sms}}`, `{{znsTemplate:customer_name}}` (a ZNS template taking those params, joined by
 * `__`), `{{user:lead}}` (a user to hand over to), `{{webhook:url}}` (an address only the organization
 * knows). The organization chooses each when it uses the template.
 */
export const templatePlaceholder = new RegExp(
  `^\\{\\{(${TemplateNeedKind.options.join('|')}):([a-z_]+)\\}\\}$`,
);

export const TemplateNeed = z
  .object({
    placeholder: z.string().describe('The `{{what:scope}}` value written in the graph'),
    what: TemplateNeedKind,
    scope: z.string().describe('The module, provider kind, ZNS params or role it is for'),
    nodeIds: z.array(z.string()).describe('The steps that use it'),
  })
  .describe('Something the template cannot know: the organization chooses it when using the template');
export type TemplateNeed = z.infer<typeof TemplateNeed>;

function collect(value: unknown, found: Set<string>): void {
  if (typeof value === 'string') {
    if (templatePlaceholder.test(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collect(item, found);
  }
}

/** The placeholders of a graph, each once, with the steps that hold it, in the order of the steps. */
export function templateNeeds(graph: FlowGraph): TemplateNeed[] {
  const needs = new Map<string, TemplateNeed>();
  for (const node of graph.nodes) {
    const found = new Set<string>();
    collect(node.config, found);
    for (const placeholder of found) {
      const [, what = '', scope = ''] = templatePlaceholder.exec(placeholder) ?? [];
      const need = needs.get(placeholder);
      if (need) need.nodeIds.push(node.id);
      else needs.set(placeholder, TemplateNeed.parse({ placeholder, what, scope, nodeIds: [node.id] }));
    }
  }
  return [...needs.values()];
}
