import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FlowGraph } from '../graph/flow-graph.ts';
import { nodeDefinition, nodeTypes } from './catalog.ts';
import savedV1 from './fixtures/saved-graph-v1.json' with { type: 'json' };
import { migrateGraph, migrateNode, savedVersion } from './migrate-graph.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';

/** A graph as the product saved it before declarations had versions: one node of every type. */
const saved = FlowGraph.parse(savedV1);

describe('graphs saved by today’s version', () => {
  it('hold a node of every type', () => {
    expect(new Set(saved.nodes.map((node) => node.type))).toEqual(new Set(nodeTypes));
  });

  it('migrate to themselves, the very same graph', () => {
    expect(migrateGraph(saved)).toBe(saved);
    expect(migrateGraph(structuredClone(saved))).toEqual(saved);
  });

  it.each(saved.nodes.map((node) => [node.type, node] as const))(
    '%s: its config meets its declaration’s schema after migrating',
    (_type, node) => {
      const migrated = migrateNode(node);
      expect(nodeDefinition(node.type)?.configSchema.safeParse(migrated.config).success).toBe(true);
      expect(migrated).toEqual(node);
    },
  );

  it('are saved without a version while every declaration is at 1', () => {
    expect(nodeTypes.map((type) => savedVersion(type))).toEqual(nodeTypes.map(() => ({})));
  });
});

const WaitConfig = z.object({
  name: z.string(),
  amount: z.number(),
  unit: z.enum(['minutes', 'hours', 'days']),
});

/** A node whose config changed twice: `minutes` became `amount` + `unit`, then `unit` took `days`. */
const waitV3 = defineNode({
  type: 'wait_v3',
  category: 'action',
  labelVi: 'Chờ',
  labelEn: 'Wait',
  descriptionVi: 'Chờ.',
  descriptionEn: 'Waits.',
  icon: 'hourglass',
  modules: 'all',
  kinds: ['event'],
  configSchema: z.object({
    name: z.string(),
    amount: z.number(),
    unit: z.enum(['minutes', 'hours', 'days']),
  }),
  version: 3,
  migrations: {
    1: ({ minutes, ...rest }) => ({ ...rest, amount: minutes, unit: 'minutes' }),
    2: (config) => ({
      ...config,
      unit: config.unit === 'minutes' && config.amount === 1440 ? 'days' : config.unit,
    }),
  },
  form: { widgets: [nameWidget] },
  labels: {},
  defaults: (): z.infer<typeof WaitConfig> => ({ name: 'Chờ', amount: 1, unit: 'days' }),
  summary: () => 'Chờ',
  mergeFieldTexts: () => [],
});
const declarations = (type: string) => (type === 'wait_v3' ? waitV3 : nodeDefinition(type));
const node = (config: Record<string, unknown>, version?: number) => ({
  id: 'n2',
  type: 'wait_v3',
  position: { x: 0, y: 0 },
  config,
  ...(version ? { version } : {}),
});

describe('migrating a node', () => {
  it.each([
    [
      'a node saved without a version, as 1',
      node({ name: 'A', minutes: 1440 }),
      { name: 'A', amount: 1440, unit: 'days' },
    ],
    [
      'a node of version 2, by the last step only',
      node({ name: 'B', amount: 30, unit: 'minutes' }, 2),
      { name: 'B', amount: 30, unit: 'minutes' },
    ],
  ])('%s', (_case, saved, config) => {
    const migrated = migrateNode(saved, declarations);
    expect(migrated).toEqual({ ...saved, config, version: 3 });
    expect(waitV3.configSchema.safeParse(migrated.config).success).toBe(true);
  });

  it('leaves a current node, a newer one and an unknown type as they are', () => {
    for (const saved of [
      node({ name: 'C', amount: 1, unit: 'days' }, 3),
      node({ x: 1 }, 9),
      { ...node({}), type: 'gone' },
    ]) {
      expect(migrateNode(saved, declarations)).toBe(saved);
    }
  });

  it('never migrates twice: the migrated node carries its version', () => {
    const once = migrateGraph({ nodes: [node({ name: 'A', minutes: 1440 })], edges: [] }, declarations);
    expect(migrateGraph(once, declarations)).toBe(once);
  });
});
