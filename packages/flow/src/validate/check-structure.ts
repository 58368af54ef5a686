import { findCycle } from '../graph/find-cycle.ts';
import type { FlowEdge, FlowGraph } from '../graph/flow-graph.ts';
import { reachableFrom } from '../graph/reachable-from.ts';
import type { ValidationError } from './validation-error.ts';

export type TitleOf = (nodeId: string) => { vi: string; en: string };

/**
 * The shape rules of DESIGN §4: ids unique, one trigger with nothing flowing into it, edges
 * between existing nodes, branches only out of conditions (and always labelled there), no
 * cycles, every node reachable from the trigger.
 */
export function checkStructure(args: { graph: FlowGraph; titleOf: TitleOf }): ValidationError[] {
  const { graph, titleOf } = args;
  const errors: ValidationError[] = [];
  const types = new Map<string, string>();
  for (const node of graph.nodes) {
    if (types.has(node.id)) {
      errors.push({
        nodeId: node.id,
        code: 'node_duplicate_id',
        message: `Mã nút "${node.id}" bị trùng.`,
        messageEn: `Node id "${node.id}" is used twice.`,
      });
    }
    types.set(node.id, node.type);
  }

  const triggers = graph.nodes.filter((node) => node.type === 'trigger');
  if (triggers.length === 0) {
    errors.push({
      code: 'trigger_missing',
      message: 'Quy trình chưa có bước "Khi nào".',
      messageEn: 'The flow has no "When" step.',
    });
  }
  for (const extra of triggers.slice(1)) {
    errors.push({
      nodeId: extra.id,
      code: 'trigger_multiple',
      message: `${titleOf(extra.id).vi}: quy trình chỉ có một bước "Khi nào".`,
      messageEn: `${titleOf(extra.id).en}: a flow has exactly one "When" step.`,
    });
  }

  const edges = checkEdges({ graph, types, titleOf, errors });
  const cycle = findCycle({ nodes: graph.nodes, edges });
  if (cycle) {
    const vi = cycle.map((id) => titleOf(id).vi).join(' → ');
    const en = cycle.map((id) => titleOf(id).en).join(' → ');
    for (const nodeId of cycle) {
      errors.push({
        nodeId,
        code: 'cycle',
        message: `Quy trình bị lặp vòng: ${vi}.`,
        messageEn: `The flow loops back on itself: ${en}.`,
      });
    }
  }

  const trigger = triggers[0];
  if (trigger && triggers.length === 1) {
    const reached = reachableFrom({ edges, start: trigger.id });
    for (const node of graph.nodes) {
      if (reached.has(node.id) || node.type === 'trigger') continue;
      errors.push({
        nodeId: node.id,
        code: 'unreachable',
        message: `${titleOf(node.id).vi}: chưa được nối từ bước "Khi nào" nên sẽ không bao giờ chạy.`,
        messageEn: `${titleOf(node.id).en}: not connected from the "When" step, so it would never run.`,
      });
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
    const fail = (code: ValidationError['code'], text: { vi: string; en: string }) =>
      errors.push({ edgeId: edge.id, code, message: text.vi, messageEn: text.en });
    if (seenIds.has(edge.id)) {
      fail('edge_duplicate_id', {
        vi: `Mã đường nối "${edge.id}" bị trùng.`,
        en: `Edge id "${edge.id}" is used twice.`,
      });
    }
    seenIds.add(edge.id);
    const missing = [edge.source, edge.target].filter((id) => !types.has(id));
    if (missing.length > 0) {
      const ids = missing.join(', ');
      fail('edge_missing_node', {
        vi: `Đường nối "${edge.id}" trỏ tới nút không tồn tại: ${ids}.`,
        en: `Edge "${edge.id}" points to missing node ${ids}.`,
      });
      continue;
    }
    const route = `${titleOf(edge.source).vi} → ${titleOf(edge.target).vi}`;
    const routeEn = `${titleOf(edge.source).en} → ${titleOf(edge.target).en}`;
    if (types.get(edge.target) === 'trigger') {
      fail('edge_into_trigger', {
        vi: `Không thể nối vào bước "Khi nào" (${route}).`,
        en: `Nothing may lead into the "When" step (${routeEn}).`,
      });
      continue;
    }
    const handle = edge.sourceHandle ?? null;
    if (types.get(edge.source) === 'condition' && handle === null) {
      fail('condition_handle_missing', {
        vi: `Đường nối ${route} phải đi từ nhánh Đúng hoặc Sai của điều kiện.`,
        en: `Edge ${routeEn} must leave the condition from its true or false branch.`,
      });
    } else if (types.get(edge.source) !== 'condition' && handle !== null) {
      fail('handle_not_allowed', {
        vi: `Chỉ điều kiện mới rẽ nhánh Đúng/Sai (${route}).`,
        en: `Only conditions branch on true/false (${routeEn}).`,
      });
    }
    const key = `${edge.source}\u0000${handle}\u0000${edge.target}`;
    if (seenRoutes.has(key)) {
      fail('edge_duplicate', {
        vi: `Hai đường nối trùng nhau: ${route}.`,
        en: `Two identical edges: ${routeEn}.`,
      });
    }
    seenRoutes.add(key);
    usable.push(edge);
  }
  return usable;
}
