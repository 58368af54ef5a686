import { describe, expect, it } from 'vitest';
import { careGraph } from './care.testing.ts';
import { hasConditions, parseCareGraph, walkCareGraph } from './care-graph.ts';

const criteria = { mode: 'criteria', logic: 'and', rules: [{ field: 'phone', op: 'not_empty' }] };

describe('parseCareGraph', () => {
  it.each([
    { name: 'a care process', graph: careGraph({ trigger: { dateField: 'birthday' } }), error: null },
    {
      name: 'an event workflow',
      graph: {
        nodes: [{ id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } }],
        edges: [],
      },
      error: 'trigger_not_schedule',
    },
    { name: 'not a graph', graph: { nodes: 'x' }, error: 'graph_invalid' },
  ])('$name', ({ graph, error }) => {
    const parsed = parseCareGraph(graph);
    expect(parsed.ok ? null : parsed.error).toBe(error);
  });
});

describe('walkCareGraph', () => {
  it.each([
    { name: 'no condition', condition: undefined, matched: true, actions: ['notify'], conditional: false },
    { name: 'criteria met', condition: criteria, matched: true, actions: ['notify'], conditional: true },
    { name: 'criteria not met', condition: criteria, matched: false, actions: [], conditional: true },
    {
      name: '“all records”',
      condition: { mode: 'all' },
      matched: true,
      actions: ['notify'],
      conditional: false,
    },
  ])('$name', ({ condition, matched, actions, conditional }) => {
    const parsed = parseCareGraph(
      careGraph({ trigger: { dateField: 'birthday' }, ...(condition ? { condition } : {}) }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(walkCareGraph({ graph: parsed.graph, evaluate: () => ({ matched, trace: [] }) }).actions).toEqual(
      actions,
    );
    expect(hasConditions(parsed.graph)).toBe(conditional);
  });
});
