import { describe, expect, it } from 'vitest';
import { nodeTypes } from '../nodes/catalog.ts';
import { node, orderFlow } from '../validate/test-graphs.ts';
import { graphJsonSchema, TypedFlowGraph } from './graph-json-schema.ts';

describe('graphJsonSchema', () => {
  const schema = graphJsonSchema();
  const text = JSON.stringify(schema);

  it('is a draft 2020-12 schema with one variant per node type', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const types = [...text.matchAll(/"type":\{"type":"string","const":"([a-z_]+)"\}/g)].map(
      (match) => match[1],
    );
    expect(types).toEqual(nodeTypes);
  });

  it.each([
    ['the condition operators', '"date_within_next"'],
    ['nested condition groups, by reference', '"$ref":"#/$defs/'],
    ['edge branches', '"enum":["true","false"]'],
    ['update values relative to today', '"today":{"type":"integer"'],
    ['attachment formats', '"enum":["pdf","original"]'],
  ])('describes %s', (_what, fragment) => {
    expect(text).toContain(fragment);
  });

  it('leaves keys with defaults optional, as senders may omit them', () => {
    expect(text).toContain('"required":["on"]');
  });
});

describe('TypedFlowGraph', () => {
  it.each([
    { name: 'the order flow', graph: orderFlow(), ok: true },
    {
      name: 'an operator that does not exist',
      graph: {
        ...orderFlow(),
        nodes: [
          node('c', 'condition', {
            mode: 'criteria',
            logic: 'and',
            rules: [{ field: 'x', op: 'like', value: 1 }],
          }),
        ],
      },
      ok: false,
    },
    {
      name: 'a node type that does not exist',
      graph: { nodes: [node('x', 'send_fax', {})], edges: [] },
      ok: false,
    },
  ])('$name → $ok', ({ graph, ok }) => {
    expect(TypedFlowGraph.safeParse(graph).success).toBe(ok);
  });
});
