import { findCycle } from '../graph/find-cycle.ts';
import type { FlowEdge, FlowGraph } from '../graph/flow-graph.ts';
import { reachableFrom } from '../graph/reachable-from.ts';
import { capitalise, text } from '../messages/catalogue.ts';
import type { Text } from '../messages/locale.ts';
import { nodeDefinition } from '../nodes/catalog.ts';
import type { ValidationError } from './validation-error.ts';

export type TitleOf = (nodeId: string) => Text;

/** A problem of one step: the sentence names it, `problem` is the same without its name. */
export function stepError(args: {
  nodeId: string;
  step: Text;
  code: ValidationError['code'];
  problem: Text;
  path?: string;
}): ValidationError {
  const { nodeId, step, code, problem, path } = args;
  return {
    nodeId,
    ...(path === undefined ? {} : { path }),
    code,
    message: text('validation.in_step', { step, problem }),
    problem: capitalise(problem),
  };
}

/** A problem of the flow or of a connection, whose sentence stands alone. */
export function flowError(code: ValidationError['code'], message: Text, edgeId?: string): ValidationError {
  return { ...(edgeId === undefined ? {} : { edgeId }), code, message, problem: message };
}

/** Steps that change something; a flow made only of its trigger, conditions and waits does nothing. */
function isDoingStep(type: string): boolean {
  return nodeDefinition(type)?.category === 'action' && type !== 'delay';
}

/**
 * The shape rules: ids unique, one trigger with nothing flowing into it, at least one action,
 * edges between existing nodes, branches only out of conditions (and always labelled there),
 * no cycles, every node reachable from the trigger.
 */
export function checkStructure(args: { graph: FlowGraph; titleOf: TitleOf }): ValidationError[] {
  const { graph, titleOf } = args;
  const errors: ValidationError[] = [];
  const types = new Map<string, string>();
  for (const node of graph.nodes) {
    if (types.has(node.id)) {
      const problem = text('validation.node_duplicate_id');
      errors.push(stepError({ nodeId: node.id, step: titleOf(node.id), code: 'node_duplicate_id', problem }));
    }
    types.set(node.id, node.type);
  }

  const triggers = graph.nodes.filter((node) => node.type === 'trigger');
  if (triggers.length === 0) errors.push(flowError('trigger_missing', text('validation.trigger_missing')));
  for (const extra of triggers.slice(1)) {
    const problem = text('validation.trigger_multiple');
    errors.push(stepError({ nodeId: extra.id, step: titleOf(extra.id), code: 'trigger_multiple', problem }));
  }
  if (triggers.length > 0 && !graph.nodes.some((node) => isDoingStep(node.type))) {
    errors.push(flowError('action_missing', text('validation.action_missing')));
  }

  const edges = checkEdges({ graph, types, titleOf, errors });
  const cycle = findCycle({ nodes: graph.nodes, edges });
  if (cycle) {
    const names = cycle.map((id) => titleOf(id));
    const path = {
      vi: names.map((name) => name.vi).join(' → '),
      en: names.map((name) => name.en).join(' → '),
    };
    for (const nodeId of cycle) {
      const problem = text('validation.cycle', { path });
      errors.push(stepError({ nodeId, step: titleOf(nodeId), code: 'cycle', problem }));
    }
  }

  const trigger = triggers[0];
  if (trigger && triggers.length === 1) {
    const reached = reachableFrom({ edges, start: trigger.id });
    for (const node of graph.nodes) {
      if (reached.has(node.id) || node.type === 'trigger') continue;
      const problem = text('validation.unreachable');
      errors.push(stepError({ nodeId: node.id, step: titleOf(node.id), code: 'unreachable', problem }));
    }
  }
  return errors;
}

/** Reports bad edges and returns the ones the graph walks may follow. */
function checkEdges(args: {
  graph: FlowGraph;
  types: Map<string, string>;
  titleOf: TitleOf;
  errors: ValidationError[];
}): FlowEdge[] {
  const { graph, types, titleOf, errors } = args;
  const usable: FlowEdge[] = [];
  const seenIds = new Set<string>();
  const seenRoutes = new Set<string>();
  for (const edge of graph.edges) {
    const fail = (code: ValidationError['code'], message: Text) =>
      errors.push(flowError(code, message, edge.id));
    const from = titleOf(edge.source);
    const to = titleOf(edge.target);
    if (seenIds.has(edge.id)) fail('edge_duplicate_id', text('validation.edge_duplicate_id', { from }));
    seenIds.add(edge.id);
    if (!types.has(edge.source) || !types.has(edge.target)) {
      fail('edge_missing_node', text('validation.edge_missing_node'));
      continue;
    }
    if (types.get(edge.target) === 'trigger') {
      fail('edge_into_trigger', text('validation.edge_into_trigger', { from }));
      continue;
    }
    const handle = edge.sourceHandle ?? null;
    if (types.get(edge.source) === 'condition' && handle === null) {
      fail('condition_handle_missing', text('validation.condition_handle_missing', { from, to }));
    } else if (types.get(edge.source) !== 'condition' && handle !== null) {
      fail('handle_not_allowed', text('validation.handle_not_allowed', { from, to }));
    }
    const key = `${edge.source}\u0000${handle}\u0000${edge.target}`;
    if (seenRoutes.has(key)) fail('edge_duplicate', text('validation.edge_duplicate', { from, to }));
    seenRoutes.add(key);
    usable.push(edge);
  }
  return usable;
}
