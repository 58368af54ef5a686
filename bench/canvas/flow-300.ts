/**
 * A large, realistic workflow on orders for the canvas benchmark: one trigger, then chains of
 * conditions (branching Đúng / Sai) and actions of every common kind, laid out top to bottom in
 * columns like a flow drawn by hand. Every node is a valid config, so the canvas shows summaries,
 * not error badges.
 */

interface GraphNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  config: Record<string, unknown>;
}

interface GraphEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: 'true' | 'false';
}

const actions: { type: string; config: (n: number) => Record<string, unknown> }[] = [
  {
    type: 'send_email',
    config: (n) => ({
      name: `Email ${n}`,
      provider: 'system',
      to: { fields: ['contact_id.email'], users: [], addresses: [] },
      subject: `Xác nhận đơn hàng #code (${n})`,
      body: '<p>Chào #contact_id.name, đơn hàng #code đã được ghi nhận.</p>',
      templateId: null,
      attachment: null,
    }),
  },
  {
    type: 'create_task',
    config: (n) => ({
      title: `Gọi chăm sóc #code — bước ${n}`,
      description: 'Hỏi thăm khách hàng sau giao hàng',
      dueInDays: 2,
      taskType: 'call',
      priority: 'high',
      assignee: { field: 'owner_id' },
      related: [],
      attachment: null,
    }),
  },
  {
    type: 'notify',
    config: (n) => ({
      name: `Báo ${n}`,
      to: { fields: ['owner_id'], users: [] },
      message: `Đơn #code: bước ${n}`,
    }),
  },
  {
    type: 'update_fields',
    config: (n) => ({
      name: `Cập nhật ${n}`,
      target: 'self',
      values: [{ field: 'revenue_status', value: 'proposed' }],
    }),
  },
  {
    type: 'delay',
    config: (n) => ({ name: `Chờ ${n}`, mode: 'duration', amount: (n % 5) + 1, unit: 'hours' }),
  },
];

const condition = (n: number) => ({
  mode: 'criteria',
  logic: n % 2 === 0 ? 'and' : 'or',
  rules: [
    { field: 'status', op: 'eq', value: 'delivered' },
    { field: 'total', op: 'gt', value: 1_000_000 * (n % 7) },
  ],
});

/** `count` nodes in `columns` chains under one trigger; every third step of a chain is a condition. */
export function largeFlow(count = 300, columns = 12): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [
    {
      id: 'n1',
      type: 'trigger',
      position: { x: ((columns - 1) * 320) / 2, y: 0 },
      config: { on: 'update', fields: ['status'], match: 'any', repeat: true },
    },
  ];
  const edges: GraphEdge[] = [];
  const last = new Map<number, { id: string; condition: boolean }>();
  for (let index = 1; index < count; index += 1) {
    const column = (index - 1) % columns;
    const row = Math.floor((index - 1) / columns);
    const id = `n${index + 1}`;
    const isCondition = row % 3 === 0;
    const action = actions[index % actions.length];
    if (!action) throw new Error('no action kinds');
    nodes.push({
      id,
      type: isCondition ? 'condition' : action.type,
      position: { x: column * 320, y: 160 + row * 150 },
      config: isCondition ? condition(index) : action.config(index),
    });
    const before = last.get(column);
    const source = before?.id ?? 'n1';
    edges.push({
      id: `e${edges.length + 1}`,
      source,
      target: id,
      ...(before?.condition
        ? { sourceHandle: index % 4 === 0 ? ('false' as const) : ('true' as const) }
        : {}),
    });
    last.set(column, { id, condition: isCondition });
  }
  return { nodes, edges };
}
