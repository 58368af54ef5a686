import { describe, expect, it } from 'vitest';
import { childrenOf } from './children-of.ts';
import { findCycle } from './find-cycle.ts';
import type { EdgeLike } from './flow-graph.ts';
import { parentsOf } from './parents-of.ts';
import { reachableFrom } from './reachable-from.ts';
import { topologicalOrder } from './topological-order.ts';
import { wouldCreateCycle } from './would-create-cycle.ts';

/** Edges written as 'a>b' or 'c>d:true' keep the tables readable. */
function edges(...specs: string[]): EdgeLike[] {
  return specs.map((spec) => {
    const [route = '', handle] = spec.split(':');
    const [source = '', target = ''] = route.split('>');
    return { source, target, sourceHandle: handle ?? null };
  });
}
const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

describe('childrenOf', () => {
  it.each([
    { name: 'no edges', edges: edges(), handle: undefined, expected: [] },
    {
      name: 'fan-out keeps edge order',
      edges: edges('t>b', 't>a', 'a>c'),
      handle: undefined,
      expected: ['b', 'a'],
    },
    { name: 'duplicate edges counted once', edges: edges('t>a', 't>a'), handle: undefined, expected: ['a'] },
    {
      name: 'true branch only',
      edges: edges('t>a:true', 't>b:false', 't>c:true'),
      handle: 'true',
      expected: ['a', 'c'],
    },
    { name: 'false branch only', edges: edges('t>a:true', 't>b:false'), handle: 'false', expected: ['b'] },
  ])('$name', ({ edges: list, handle, expected }) => {
    expect(childrenOf({ edges: list, nodeId: 't', ...(handle ? { handle } : {}) })).toEqual(expected);
  });
});

describe('parentsOf', () => {
  it.each([
    { edges: edges('a>x', 'b>x', 'a>x'), expected: ['a', 'b'] },
    { edges: edges('x>a'), expected: [] },
  ])('parents of x from $edges.length edges', ({ edges: list, expected }) => {
    expect(parentsOf({ edges: list, nodeId: 'x' })).toEqual(expected);
  });
});

describe('reachableFrom', () => {
  it.each([
    { name: 'lone start', edges: edges(), expected: ['t'] },
    { name: 'chain', edges: edges('t>a', 'a>b'), expected: ['a', 'b', 't'] },
    { name: 'island not reached', edges: edges('t>a', 'x>y'), expected: ['a', 't'] },
    { name: 'diamond', edges: edges('t>a', 't>b', 'a>c', 'b>c'), expected: ['a', 'b', 'c', 't'] },
    { name: 'cycle terminates', edges: edges('t>a', 'a>t'), expected: ['a', 't'] },
  ])('$name', ({ edges: list, expected }) => {
    expect([...reachableFrom({ edges: list, start: 't' })].sort()).toEqual(expected);
  });
});

describe('topologicalOrder', () => {
  it.each([
    { name: 'chain', nodes: nodes('c', 'b', 'a'), edges: edges('a>b', 'b>c'), expected: ['a', 'b', 'c'] },
    {
      name: 'ties keep node order',
      nodes: nodes('t', 'y', 'x'),
      edges: edges('t>x', 't>y'),
      expected: ['t', 'y', 'x'],
    },
    {
      name: 'diamond',
      nodes: nodes('t', 'a', 'b', 'c'),
      edges: edges('t>a', 't>b', 'a>c', 'b>c'),
      expected: ['t', 'a', 'b', 'c'],
    },
    { name: 'cycle', nodes: nodes('t', 'a', 'b'), edges: edges('t>a', 'a>b', 'b>a'), expected: null },
    { name: 'self loop', nodes: nodes('t'), edges: edges('t>t'), expected: null },
    { name: 'edge to unknown node ignored', nodes: nodes('t'), edges: edges('t>ghost'), expected: ['t'] },
  ])('$name', ({ nodes: list, edges: edgeList, expected }) => {
    expect(topologicalOrder({ nodes: list, edges: edgeList })).toEqual(expected);
  });
});

describe('findCycle', () => {
  it.each([
    { name: 'acyclic', nodes: nodes('t', 'a', 'b'), edges: edges('t>a', 'a>b', 't>b'), expected: null },
    {
      name: 'two-node loop',
      nodes: nodes('t', 'a', 'b'),
      edges: edges('t>a', 'a>b', 'b>a'),
      expected: ['a', 'b'],
    },
    { name: 'self loop', nodes: nodes('t'), edges: edges('t>t'), expected: ['t'] },
    {
      name: 'loop behind a branch',
      nodes: nodes('t', 'c', 'x', 'y', 'z'),
      edges: edges('t>c', 'c>x:true', 'x>y', 'y>z', 'z>x'),
      expected: ['x', 'y', 'z'],
    },
  ])('$name', ({ nodes: list, edges: edgeList, expected }) => {
    expect(findCycle({ nodes: list, edges: edgeList })).toEqual(expected);
  });
});

describe('wouldCreateCycle', () => {
  const chain = edges('t>a', 'a>b', 'b>c');
  it.each([
    { connection: { source: 'c', target: 'a' }, expected: true },
    { connection: { source: 'b', target: 't' }, expected: true },
    { connection: { source: 'a', target: 'a' }, expected: true },
    { connection: { source: 'a', target: 'c' }, expected: false },
    { connection: { source: 'c', target: 'd' }, expected: false },
  ])('$connection.source → $connection.target: $expected', ({ connection, expected }) => {
    expect(wouldCreateCycle({ edges: chain, connection })).toBe(expected);
  });
});
