import { describe, expect, it } from 'vitest';
import { standardModules } from '../metadata/standard-modules.ts';
import { nodeDefinitions } from '../nodes/catalog.ts';
import type { WorkflowKind } from '../nodes/node-definition.ts';
import { edge, node, orderFlow, testContext } from './test-graphs.ts';
import { validateGraph } from './validate-graph.ts';
import { sentenceCases } from './validation-sentences.cases.ts';

/** Validator and schema talk that must never reach a person, in either language. */
const internals: [string, RegExp][] = [
  ['a pattern', /\/\^/],
  ['zod in Vietnamese', /mong đợi/i],
  ['zod in English', /expected/i],
  ['zod in English', /invalid/i],
  ['a dotted config path', /\b[a-z][A-Za-z]*\.(?:[A-Za-z]+|\d+)\b/],
  ['a camelCase key', /\b[a-z]+[A-Z][a-z]+/],
  ['a type name', /\b(?:string|boolean|undefined|object|array)\b/],
];

/** Leaves of a config replaced by `leaf`, to break every setting at once. */
function mapLeaves(value: unknown, leaf: (value: unknown) => unknown): unknown {
  if (Array.isArray(value))
    return value.length === 0 ? [leaf('')] : value.map((item) => mapLeaves(item, leaf));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapLeaves(item, leaf)]));
  }
  return leaf(value);
}

const spoilers: [string, (value: unknown) => unknown][] = [
  ['empty', (value) => (typeof value === 'string' ? '' : value)],
  ['null', () => null],
  ['wrong kind', (value) => (typeof value === 'number' ? 'many' : typeof value === 'string' ? 12.5 : 'yes')],
  ['too long or big', (value) => (typeof value === 'number' ? -1e9 : 'Không Hợp Lệ '.repeat(200))],
];

const kinds: WorkflowKind[] = ['event', 'schedule'];
const trigger = { event: { on: 'create_or_update' }, schedule: { dateField: 'order_date' } };

/** Every node type with an empty config and each way of breaking its defaults, in both kinds. */
const brokenSteps = kinds.flatMap((kind) =>
  nodeDefinitions.flatMap((definition) => {
    const defaults = definition.defaults(standardModules.order, kind);
    const configs = [{}, ...spoilers.map(([, spoil]) => mapLeaves(defaults, spoil))];
    return configs.map((config, index) => {
      const broken = node('n', definition.type, config as Record<string, unknown>);
      const graph = {
        nodes: [node('t', 'trigger', trigger[kind]), broken],
        edges: [edge('t', 'n')],
      };
      return { name: `${kind} ${definition.type} #${index}`, graph, kind };
    });
  }),
);

const badGraphs = [
  { name: 'not a graph', graph: 'x', kind: 'event' as const },
  {
    name: 'nodes without shape',
    graph: { nodes: [{ id: 1 }, { id: 'a', type: 7 }], edges: [{}] },
    kind: 'event' as const,
  },
  { name: 'the order flow in a care process', graph: orderFlow(), kind: 'schedule' as const },
  ...sentenceCases.map((testCase) => ({
    name: testCase.code,
    graph: testCase.graph,
    kind: testCase.kind ?? 'event',
  })),
];

describe('validation speaks plainly', () => {
  it.each([...brokenSteps, ...badGraphs])('$name', ({ graph, kind }) => {
    const { errors } = validateGraph({
      graph,
      module: 'order',
      kind,
      catalog: standardModules,
      context: testContext,
    });
    const texts = errors.flatMap((error) => [
      error.message.vi,
      error.message.en,
      error.problem.vi,
      error.problem.en,
    ]);
    for (const sentence of texts) {
      for (const [what, pattern] of internals) {
        expect(sentence.replace(/'[^']*'/g, "''"), `${what} in: ${sentence}`).not.toMatch(pattern);
      }
    }
  });

  it('finds problems in the broken steps it checks', () => {
    const counted = brokenSteps.filter(
      ({ graph, kind }) =>
        validateGraph({ graph, module: 'order', kind, catalog: standardModules, context: testContext }).errors
          .length > 0,
    );
    expect(counted.length).toBeGreaterThan(brokenSteps.length * 0.9);
  });
});
