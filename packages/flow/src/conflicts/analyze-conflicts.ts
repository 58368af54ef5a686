import type { ConditionRule } from '../condition/condition-config.ts';
import { describeRule } from '../condition/describe-condition.ts';
import { evaluateTrigger } from '../evaluate/evaluate-trigger.ts';
import type { FlowGraph } from '../graph/flow-graph.ts';
import { render, text } from '../messages/catalogue.ts';
import type { Locale, Text } from '../messages/locale.ts';
import { fieldLabelByKey } from '../metadata/field-lookup.ts';
import type { ModuleCatalog, ModuleKey } from '../metadata/field-meta.ts';
import { nodeDefinition } from '../nodes/catalog.ts';
import { EventTriggerConfig } from '../nodes/trigger.def.ts';
import { nodeTitle } from '../validate/node-title.ts';
import { findContradiction } from './contradiction.ts';
import { type FlowWrite, flowWrites } from './flow-writes.ts';
import { type PathRules, pathRules } from './path-rules.ts';

/** A workflow as the analysis sees it: its graph and where it stands in its module's order. */
export type FlowUnderAnalysis = {
  id: string;
  name: string;
  module: ModuleKey;
  kind: 'event' | 'schedule';
  active: boolean;
  priority: number;
  /** ISO time; with the id, breaks ties in priority as the matcher does. */
  createdAt: string;
  graph: FlowGraph;
};

/** One link of a cycle: this flow's action writes these fields, which starts the next flow. */
export type CycleStep = {
  workflowId: string;
  workflowName: string;
  nodeId: string;
  module: ModuleKey;
  fields: string[];
};

/** A warning about a flow, with what to highlight: its own nodes and the other flows involved. */
export type FlowConflict =
  | {
      kind: 'same_field';
      field: string;
      module: ModuleKey;
      otherWorkflowId: string;
      otherWorkflowName: string;
      winnerWorkflowId: string;
      nodeIds: string[];
      text: Text;
    }
  | { kind: 'cycle'; chain: CycleStep[]; nodeIds: string[]; text: Text }
  | { kind: 'never_fires'; field: string; rules: ConditionRule[]; nodeIds: string[]; text: Text };

type Analysed = FlowUnderAnalysis & { trigger: EventTriggerConfig; paths: PathRules[]; writes: FlowWrite[] };

function prepare(flow: FlowUnderAnalysis, catalog: ModuleCatalog): Analysed | null {
  if (flow.kind !== 'event') return null;
  const node = flow.graph.nodes.find((item) => item.type === 'trigger');
  const trigger = EventTriggerConfig.safeParse(node?.config);
  if (!trigger.success) return null;
  const writes = flowWrites({ graph: flow.graph, module: flow.module, catalog });
  return { ...flow, trigger: trigger.data, paths: pathRules(flow.graph), writes };
}

const operationsOf: Record<EventTriggerConfig['on'], readonly string[]> = {
  create: ['create'],
  create_or_update: ['create', 'update'],
  update: ['update'],
  delete: ['delete'],
};

/** The order a record's runs go in (priority, creation, id): the later one writes last and wins. */
const runsAfter = (a: FlowUnderAnalysis, b: FlowUnderAnalysis): boolean =>
  a.priority !== b.priority
    ? a.priority > b.priority
    : a.createdAt !== b.createdAt
      ? a.createdAt > b.createdAt
      : a.id > b.id;

/** Whether some path of `flow` to an action can hold with `extra` rules added. */
function canReachAction(flow: Analysed, extra: readonly ConditionRule[], catalog: ModuleCatalog): boolean {
  return flow.paths.some(
    (path) =>
      !findContradiction({
        rules: [...path.rules, ...extra],
        module: flow.module,
        catalog,
        onCreate: flow.trigger.on === 'create',
      }),
  );
}

function neverFires(flow: Analysed, catalog: ModuleCatalog): FlowConflict | null {
  if (flow.paths.length === 0) return null;
  const found = flow.paths.map((path) => ({
    path,
    contradiction: findContradiction({
      rules: path.rules,
      module: flow.module,
      catalog,
      onCreate: flow.trigger.on === 'create',
    }),
  }));
  const [first] = found;
  if (!first?.contradiction || found.some((item) => item.contradiction === null)) return null;
  const { field, rules } = first.contradiction;
  const module = catalog[flow.module];
  const conditions = first.path.nodes.filter((id) =>
    flow.graph.nodes.some((n) => n.id === id && n.type === 'condition'),
  );
  const quoted = (locale: Locale) =>
    rules.map((rule) => `“${describeRule({ rule, module, locale })}”`).join(' + ');
  const code = flow.trigger.on === 'create' ? 'conflict.never_fires_on_create' : 'conflict.never_fires';
  return {
    kind: 'never_fires',
    field,
    rules,
    nodeIds: conditions,
    text: text(code, { rules: { vi: quoted('vi'), en: quoted('en') } }),
  };
}

/** Two flows start on one event when their operations meet and their conditions can hold together. */
function overlap(a: Analysed, b: Analysed, catalog: ModuleCatalog): boolean {
  if (!operationsOf[a.trigger.on].some((op) => operationsOf[b.trigger.on].includes(op))) return false;
  return a.paths.some(
    (p) =>
      canReachAction(b, p.rules, catalog) &&
      !findContradiction({ rules: p.rules, module: a.module, catalog }),
  );
}

function sameFieldConflicts(
  subject: Analysed,
  others: readonly Analysed[],
  catalog: ModuleCatalog,
): FlowConflict[] {
  return others.flatMap((other) => {
    if (other.module !== subject.module || !overlap(subject, other, catalog)) return [];
    const winner = runsAfter(subject, other) ? subject : other;
    const seen = new Set<string>();
    return subject.writes.flatMap((mine) =>
      mine.fields.flatMap((field): FlowConflict[] => {
        const theirs = other.writes.some(
          (write) => write.module === mine.module && write.via === mine.via && write.fields.includes(field),
        );
        const key = `${mine.module}.${mine.via ?? ''}.${field}`;
        if (!theirs || seen.has(key)) return [];
        seen.add(key);
        const label = (locale: Locale) =>
          fieldLabelByKey({ module: catalog[mine.module], key: field, locale });
        return [
          {
            kind: 'same_field',
            field,
            module: mine.module,
            otherWorkflowId: other.id,
            otherWorkflowName: other.name,
            winnerWorkflowId: winner.id,
            nodeIds: subject.writes.filter((w) => w.fields.includes(field)).map((w) => w.nodeId),
            text: text('conflict.same_field', {
              other: other.name,
              field: { vi: label('vi'), en: label('en') },
              winner: winner.name,
            }),
          },
        ];
      }),
    );
  });
}

/** The flows `write` starts, given the values it writes. */
function startedBy(write: FlowWrite, flows: readonly Analysed[], catalog: ModuleCatalog): Analysed[] {
  const changes =
    write.operation === 'create' ? catalog[write.module].fields.map((f) => f.key) : write.fields;
  const written: ConditionRule[] = Object.entries(write.values).map(([field, value]) =>
    value === null || value === ''
      ? { field, op: 'empty' }
      : { field, op: 'eq', value: value as string | number | boolean },
  );
  return flows.filter(
    (flow) =>
      flow.module === write.module &&
      evaluateTrigger({ config: flow.trigger, operation: write.operation, changes }).fires &&
      canReachAction(flow, written, catalog),
  );
}

/**
 * The shortest chain of flows leading from `subject` back to it — A writes a field that starts B,
 * which writes one that starts A — the loop the guard would cut at run time. A flow re-triggering
 * only itself on its own record is left to the guard and not reported.
 */
function cycleConflict(
  subject: Analysed,
  others: readonly Analysed[],
  catalog: ModuleCatalog,
): FlowConflict | null {
  const flows = [subject, ...others];
  type Trail = { flow: Analysed; steps: { flow: Analysed; write: FlowWrite }[] };
  const queue: Trail[] = [{ flow: subject, steps: [] }];
  const visited = new Set<string>([subject.id]);
  while (queue.length > 0) {
    const trail = queue.shift();
    if (!trail) break;
    for (const write of trail.flow.writes) {
      for (const next of startedBy(write, flows, catalog)) {
        const steps = [...trail.steps, { flow: trail.flow, write }];
        if (next.id === subject.id && steps.length >= 2) return cycleOf(subject, steps, catalog);
        if (visited.has(next.id)) continue;
        visited.add(next.id);
        queue.push({ flow: next, steps });
      }
    }
  }
  return null;
}

function cycleOf(
  subject: Analysed,
  steps: { flow: Analysed; write: FlowWrite }[],
  catalog: ModuleCatalog,
): FlowConflict {
  const chain: CycleStep[] = steps.map(({ flow, write }) => ({
    workflowId: flow.id,
    workflowName: flow.name,
    nodeId: write.nodeId,
    module: write.module,
    fields: write.fields,
  }));
  const describe = (locale: Locale) =>
    steps
      .map(({ flow, write }, index) => {
        const node = flow.graph.nodes.find((item) => item.id === write.nodeId);
        const action = node
          ? nodeTitle({ node, definition: nodeDefinition(node.type), locale })
          : write.nodeId;
        const fields = write.fields
          .map((key) => fieldLabelByKey({ module: catalog[write.module], key, locale }))
          .join(', ');
        const next = steps[index + 1]?.flow.name ?? subject.name;
        return write.operation === 'create'
          ? render(locale, 'conflict.cycle_creates', { flow: flow.name, action, next })
          : render(locale, 'conflict.cycle_writes', { flow: flow.name, action, fields, next });
      })
      .join('; ');
  return {
    kind: 'cycle',
    chain,
    nodeIds: steps.filter((step) => step.flow.id === subject.id).map((step) => step.write.nodeId),
    text: text('conflict.cycle', { chain: { vi: describe('vi'), en: describe('en') } }),
  };
}

/**
 * The warnings for one flow against the other active flows of the organization: a field written
 * by another flow on the same change (and which wins by priority order), a loop across flows, a
 * flow whose conditions can never hold. Warnings, not errors: saving and activating go ahead.
 */
export function analyzeConflicts(args: {
  subject: FlowUnderAnalysis;
  flows: readonly FlowUnderAnalysis[];
  catalog: ModuleCatalog;
}): FlowConflict[] {
  const { catalog } = args;
  const subject = prepare(args.subject, catalog);
  if (!subject) return [];
  const others = args.flows.flatMap((flow) =>
    flow.id === subject.id || !flow.active ? [] : (prepare(flow, catalog) ?? []),
  );
  const never = neverFires(subject, catalog);
  if (never) return [never];
  const cycle = cycleConflict(subject, others, catalog);
  return [...sameFieldConflicts(subject, others, catalog), ...(cycle ? [cycle] : [])];
}
