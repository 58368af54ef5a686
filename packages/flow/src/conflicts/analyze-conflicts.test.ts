import { describe, expect, it } from 'vitest';
import type { ConditionItem } from '../condition/condition-config.ts';
import type { FlowGraph } from '../graph/flow-graph.ts';
import type { ModuleKey } from '../metadata/field-meta.ts';
import { standardModules } from '../metadata/standard-modules.ts';
import { analyzeConflicts, type FlowUnderAnalysis } from './analyze-conflicts.ts';

const catalog = standardModules;

type Spec = {
  id: string;
  module?: ModuleKey;
  priority?: number;
  active?: boolean;
  trigger?: Record<string, unknown>;
  /** Conditions, each on the path from the trigger (true branch) to the writes. */
  when?: { logic?: 'and' | 'or'; rules: ConditionItem[] }[];
  /** Field values the flow writes on its record: one `update_fields` action. */
  writes?: Record<string, unknown>;
  /** Writes on a related record: `{ via, values }`. */
  related?: { via: string; values: Record<string, unknown> };
};

function flow(spec: Spec): FlowUnderAnalysis {
  const nodes: FlowGraph['nodes'] = [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: spec.trigger ?? { on: 'update' } },
  ];
  const edges: FlowGraph['edges'] = [];
  let last = 't';
  for (const [index, condition] of (spec.when ?? []).entries()) {
    const id = `c${index}`;
    nodes.push({
      id,
      type: 'condition',
      position: { x: 0, y: 0 },
      config: { mode: 'criteria', logic: condition.logic ?? 'and', rules: condition.rules },
    });
    edges.push({
      id: `e-${id}`,
      source: last,
      target: id,
      ...(last.startsWith('c') ? { sourceHandle: 'true' } : {}),
    });
    last = id;
  }
  const actions: [string, Record<string, unknown>][] = [];
  if (spec.writes)
    actions.push([
      'w',
      { name: 'ghi', values: Object.entries(spec.writes).map(([field, value]) => ({ field, value })) },
    ]);
  if (spec.related)
    actions.push([
      'r',
      {
        name: 'ghi liên quan',
        target: { via: spec.related.via },
        values: Object.entries(spec.related.values).map(([field, value]) => ({ field, value })),
      },
    ]);
  if (actions.length === 0) actions.push(['n', { name: 'báo' }]);
  for (const [id, config] of actions) {
    nodes.push({ id, type: id === 'n' ? 'notify' : 'update_fields', position: { x: 0, y: 0 }, config });
    edges.push({
      id: `e-${id}`,
      source: last,
      target: id,
      ...(last.startsWith('c') ? { sourceHandle: 'true' } : {}),
    });
  }
  return {
    id: spec.id,
    name: `Quy trình ${spec.id}`,
    module: spec.module ?? 'order',
    kind: 'event',
    active: spec.active ?? true,
    priority: spec.priority ?? 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    graph: { nodes, edges },
  };
}

const kinds = (subject: Spec, others: Spec[]) =>
  analyzeConflicts({ subject: flow(subject), flows: others.map(flow), catalog }).map((c) => c.kind);

describe('a flow that can never fire', () => {
  it.each<[string, Spec, boolean]>([
    [
      'status changed to delivered and status = cancelled',
      {
        id: 'A',
        trigger: { on: 'update', fields: ['status'] },
        when: [
          {
            rules: [
              { field: 'status', op: 'changed_to', value: 'delivered' },
              { field: 'status', op: 'eq', value: 'cancelled' },
            ],
          },
        ],
      },
      true,
    ],
    [
      'the same, across two conditions in a row',
      {
        id: 'A',
        when: [
          { rules: [{ field: 'status', op: 'changed_to', value: 'delivered' }] },
          { rules: [{ field: 'status', op: 'in', value: ['cancelled', 'draft'] }] },
        ],
      },
      true,
    ],
    [
      'status = delivered and status is not delivered',
      {
        id: 'A',
        when: [
          {
            rules: [
              { field: 'status', op: 'eq', value: 'delivered' },
              { field: 'status', op: 'ne', value: 'delivered' },
            ],
          },
        ],
      },
      true,
    ],
    [
      'total empty and total > 1,000,000',
      {
        id: 'A',
        when: [
          {
            rules: [
              { field: 'total', op: 'empty' },
              { field: 'total', op: 'gt', value: 1_000_000 },
            ],
          },
        ],
      },
      true,
    ],
    [
      'total = 500,000 and total between 1,000,000 and 2,000,000',
      {
        id: 'A',
        when: [
          {
            rules: [
              { field: 'total', op: 'eq', value: 500_000 },
              { field: 'total', op: 'between', value: [1_000_000, 2_000_000] },
            ],
          },
        ],
      },
      true,
    ],
    [
      'on creation, status changed from confirmed',
      {
        id: 'A',
        trigger: { on: 'create' },
        when: [{ rules: [{ field: 'status', op: 'changed_from', value: 'confirmed' }] }],
      },
      true,
    ],
    [
      'the two joined by OR (either can hold)',
      {
        id: 'A',
        when: [
          {
            logic: 'or',
            rules: [
              { field: 'status', op: 'eq', value: 'delivered' },
              { field: 'status', op: 'eq', value: 'cancelled' },
            ],
          },
        ],
      },
      false,
    ],
    [
      'status changed to delivered and total > 0 (different fields)',
      {
        id: 'A',
        when: [
          {
            rules: [
              { field: 'status', op: 'changed_to', value: 'delivered' },
              { field: 'total', op: 'gt', value: 0 },
            ],
          },
        ],
      },
      false,
    ],
    [
      'a text written with other case and accents (one value for the evaluator)',
      {
        id: 'A',
        module: 'contact',
        when: [
          {
            rules: [
              { field: 'title', op: 'eq', value: 'Giám đốc' },
              { field: 'title', op: 'starts_with', value: 'giam' },
            ],
          },
        ],
      },
      false,
    ],
    ['no condition at all', { id: 'A' }, false],
  ])('%s → never fires: %s', (_name, spec, never) => {
    expect(kinds(spec, []).includes('never_fires')).toBe(never);
  });

  it('names the rules that cannot hold together, in both languages', () => {
    const [conflict] = analyzeConflicts({
      subject: flow({
        id: 'A',
        when: [
          {
            rules: [
              { field: 'status', op: 'changed_to', value: 'delivered' },
              { field: 'status', op: 'eq', value: 'cancelled' },
            ],
          },
        ],
      }),
      flows: [],
      catalog,
    });
    expect(conflict).toMatchObject({ kind: 'never_fires', field: 'status', nodeIds: ['c0'] });
    expect(conflict?.text.vi).toContain('Đã giao hàng');
    expect(conflict?.text.vi).toContain('Đã hủy');
    expect(conflict?.text.en).toContain('Delivered');
  });
});

describe('two flows writing the same field', () => {
  it.each<[string, Spec, Spec, string | null]>([
    [
      'same field, both on edits, other runs later',
      { id: 'A', writes: { status: 'confirmed' } },
      { id: 'B', priority: 2, writes: { status: 'draft' } },
      'B',
    ],
    [
      'same field, this one runs later',
      { id: 'A', priority: 3, writes: { status: 'confirmed' } },
      { id: 'B', priority: 1, writes: { status: 'draft' } },
      'A',
    ],
    [
      'same priority: the older one first, ties by id',
      { id: 'A', writes: { total: 1 } },
      { id: 'B', writes: { total: 2 } },
      'B',
    ],
    [
      'different fields',
      { id: 'A', writes: { status: 'confirmed' } },
      { id: 'B', writes: { total: 5 } },
      null,
    ],
    [
      'different operations (create vs edit)',
      { id: 'A', trigger: { on: 'create' }, writes: { status: 'confirmed' } },
      { id: 'B', writes: { status: 'draft' } },
      null,
    ],
    [
      'another module',
      { id: 'A', writes: { status: 'confirmed' } },
      { id: 'B', module: 'quote', writes: { status: 'draft' } },
      null,
    ],
    [
      'the other is inactive',
      { id: 'A', writes: { status: 'confirmed' } },
      { id: 'B', active: false, writes: { status: 'draft' } },
      null,
    ],
    [
      'conditions that exclude each other (status = delivered vs status = cancelled)',
      {
        id: 'A',
        when: [{ rules: [{ field: 'status', op: 'eq', value: 'delivered' }] }],
        writes: { total: 1 },
      },
      {
        id: 'B',
        when: [{ rules: [{ field: 'status', op: 'eq', value: 'cancelled' }] }],
        writes: { total: 2 },
      },
      null,
    ],
    [
      'the same related record through one reference',
      { id: 'A', related: { via: 'account_id', values: { industry: 'retail' } } },
      { id: 'B', related: { via: 'account_id', values: { industry: 'technology' } } },
      'B',
    ],
  ])('%s', (_name, subject, other, winner) => {
    const conflicts = analyzeConflicts({ subject: flow(subject), flows: [flow(other)], catalog }).filter(
      (c) => c.kind === 'same_field',
    );
    if (winner === null) expect(conflicts).toEqual([]);
    else expect(conflicts).toMatchObject([{ otherWorkflowId: other.id, winnerWorkflowId: winner }]);
  });

  it('explains which one wins, in both languages', () => {
    const [conflict] = analyzeConflicts({
      subject: flow({ id: 'A', writes: { status: 'confirmed' } }),
      flows: [flow({ id: 'B', priority: 2, writes: { status: 'draft' } })],
      catalog,
    });
    expect(conflict?.text.vi).toBe(
      'Quy trình “Quy trình B” cũng ghi trường Tình trạng khi cùng một thay đổi xảy ra. Theo thứ tự ưu tiên, “Quy trình B” chạy sau nên giá trị của nó được giữ lại.',
    );
    expect(conflict?.text.en).toContain('also writes Status');
  });
});

describe('a loop across flows', () => {
  it.each<[string, Spec, Spec[], string[] | null]>([
    [
      'A writes status, which starts B; B writes total, which starts A',
      { id: 'A', trigger: { on: 'update', fields: ['total'] }, writes: { status: 'confirmed' } },
      [{ id: 'B', trigger: { on: 'update', fields: ['status'] }, writes: { total: 10 } }],
      ['A', 'B'],
    ],
    [
      'through a third flow',
      { id: 'A', trigger: { on: 'update', fields: ['total'] }, writes: { status: 'confirmed' } },
      [
        { id: 'B', trigger: { on: 'update', fields: ['status'] }, writes: { order_date: '2026-01-01' } },
        { id: 'C', trigger: { on: 'update', fields: ['order_date'] }, writes: { total: 10 } },
      ],
      ['A', 'B', 'C'],
    ],
    [
      'B only starts for another value than the one A writes',
      { id: 'A', trigger: { on: 'update', fields: ['total'] }, writes: { status: 'confirmed' } },
      [
        {
          id: 'B',
          trigger: { on: 'update', fields: ['status'] },
          when: [{ rules: [{ field: 'status', op: 'changed_to', value: 'cancelled' }] }],
          writes: { total: 0 },
        },
      ],
      null,
    ],
    [
      'B watches another field',
      { id: 'A', trigger: { on: 'update', fields: ['total'] }, writes: { status: 'confirmed' } },
      [{ id: 'B', trigger: { on: 'update', fields: ['code'] }, writes: { total: 10 } }],
      null,
    ],
    [
      'a flow re-triggering only itself is left to the guard',
      { id: 'A', trigger: { on: 'update' }, writes: { status: 'confirmed' } },
      [],
      null,
    ],
    [
      'across modules: an order writes its account, whose flow writes the order… no way back',
      { id: 'A', related: { via: 'account_id', values: { industry: 'retail' } } },
      [
        {
          id: 'B',
          module: 'account',
          trigger: { on: 'update', fields: ['industry'] },
          writes: { phone: '0901' },
        },
      ],
      null,
    ],
  ])('%s', (_name, subject, others, chain) => {
    const cycle = analyzeConflicts({ subject: flow(subject), flows: others.map(flow), catalog }).find(
      (c) => c.kind === 'cycle',
    );
    if (chain === null) expect(cycle).toBeUndefined();
    else expect(cycle?.kind === 'cycle' && cycle.chain.map((step) => step.workflowId)).toEqual(chain);
  });

  it('shows the chain of steps in words', () => {
    const cycle = analyzeConflicts({
      subject: flow({
        id: 'A',
        trigger: { on: 'update', fields: ['total'] },
        writes: { status: 'confirmed' },
      }),
      flows: [flow({ id: 'B', trigger: { on: 'update', fields: ['status'] }, writes: { total: 10 } })],
      catalog,
    }).find((c) => c.kind === 'cycle');
    expect(cycle?.text.vi).toBe(
      'Vòng lặp giữa các quy trình: “Quy trình A” › Cập nhật thông tin "ghi" ghi Tình trạng → kích hoạt “Quy trình B”; “Quy trình B” › Cập nhật thông tin "ghi" ghi Tổng tiền → kích hoạt “Quy trình A”. Khi chạy, cơ chế chống lặp sẽ cắt vòng này.',
    );
    expect(cycle?.text.en).toContain('writes Status → starts “Quy trình B”');
    expect(cycle?.nodeIds).toEqual(['w']);
  });
});
