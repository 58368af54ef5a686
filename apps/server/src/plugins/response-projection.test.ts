import { Me, RecordPage, RecordView, Workflow } from '@crmflow/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projection, responseSerializerCompiler } from './response-projection.ts';

const Item = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  owner: z.object({ name: z.string() }).nullable(),
});

describe('projection of a response onto its schema', () => {
  it.each([
    { case: 'scalar', schema: z.string(), value: 'a' },
    {
      case: 'undeclared keys left out',
      schema: Item,
      value: { id: '1', tags: [], owner: null, secret: 'x' },
    },
    {
      case: 'nested and in arrays',
      schema: z.object({ items: z.array(Item) }),
      value: { items: [{ id: '1', tags: ['a'], owner: { name: 'Lan', passwordHash: 'h' }, extra: 1 }] },
    },
    {
      case: 'record of objects',
      schema: z.record(z.string(), z.object({ n: z.number() }).nullable()),
      value: { a: { n: 1, m: 2 }, b: null },
    },
    {
      case: 'optional key absent',
      schema: z.object({ a: z.string().optional(), b: z.number() }),
      value: { b: 1 },
    },
    {
      case: 'union of scalars',
      schema: z.object({ v: z.union([z.string(), z.number()]) }),
      value: { v: 3, w: 4 },
    },
    {
      case: 'discriminated union',
      schema: z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('a'), x: z.number() }),
          z.object({ kind: z.literal('b'), y: z.array(Item) }),
        ]),
      ),
      value: [
        { kind: 'a', x: 1, y: 2 },
        { kind: 'b', x: 1, y: [{ id: '1', tags: [], owner: null, more: true }] },
      ],
    },
    {
      case: 'unknown values kept whole',
      schema: z.object({ data: z.record(z.string(), z.unknown()) }),
      value: { data: { a: { b: 1 } } },
    },
  ])('$case: the same JSON as zod', ({ schema, value }) => {
    const project = projection(schema);
    expect(project).not.toBeNull();
    expect(JSON.stringify(project?.(value))).toBe(JSON.stringify(z.encode(schema, value as never)));
  });

  it.each([
    { case: 'union of objects', schema: z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]) },
    { case: 'transform', schema: z.string().transform((s) => s.length) },
    { case: 'default', schema: z.object({ a: z.string().default('x') }) },
    { case: 'loose object', schema: z.looseObject({ a: z.string() }) },
    { case: 'nested lazy', schema: z.object({ a: z.lazy(() => z.string()) }) },
  ])('$case: not projected (zod encodes it)', ({ schema }) => {
    expect(projection(schema)).toBeNull();
  });

  it.each([
    ['Me', Me],
    ['RecordView', RecordView],
    ['RecordPage', RecordPage],
    ['Workflow', Workflow],
  ] as const)('projects %s, a response of the busiest routes', (_name, schema) => {
    expect(projection(schema)).not.toBeNull();
  });
});

describe('response serializer', () => {
  const route = { schema: Item, method: 'GET', url: '/x', httpStatus: '200' };
  const wrong = { id: 1, tags: [], owner: null, secret: 'x' };

  it('checks responses when asked: a wrong shape is an error', () => {
    const serialize = responseSerializerCompiler({ check: true })(route);
    expect(() => serialize(wrong)).toThrow();
  });

  it('otherwise only leaves out what the schema does not declare', () => {
    const serialize = responseSerializerCompiler({ check: false })(route);
    expect(JSON.parse(serialize(wrong))).toEqual({ id: 1, tags: [], owner: null });
  });
});
