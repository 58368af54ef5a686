import { type FlowGraph, type Locale, type ModuleMeta, TriggerConfig, triggerNode } from '@crmflow/flow';

/**
 * The trigger of a workflow in words ("Khi sửa bản ghi, đổi bất kỳ: Tình trạng"), from the same
 * declaration the canvas uses; `null` while the trigger is missing or not filled in enough to read.
 */
export function triggerSummary(args: {
  graph: FlowGraph;
  module: ModuleMeta | undefined;
  locale: Locale;
}): string | null {
  const { graph, module, locale } = args;
  const node = graph.nodes.find((candidate) => candidate.type === 'trigger');
  if (!node || !module) return null;
  const config = TriggerConfig.safeParse(node.config);
  if (!config.success) return null;
  return triggerNode.summary({ config: config.data, module, locale });
}
