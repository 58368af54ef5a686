import { standardModules } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../../test/fixtures.ts';
import type { RecordChangedEvent } from '../../records/record-event.ts';
import { parseWorkflowGraph, type WorkflowGraph } from '../workflow-graph.ts';
import { firesOncePerRecord, matchEvent } from './match-event.ts';

const recordId = '5d1c1c33-0d6b-4a39-9d83-6f3c8a2b6a11';

function event(overrides: Partial<RecordChangedEvent>): RecordChangedEvent {
  return {
    eventId: '7f0f6f64-51f1-4d8e-9a3b-0d3c1b1e2f10',
    orgId: '0b7c6a55-3a52-4f8e-8d3c-4c1f2d0e9a01',
    module: 'order',
    recordId,
    operation: 'update',
    before: { code: 'DH-1', status: 'confirmed', total: 1_000_000 },
    after: { code: 'DH-1', status: 'delivered', total: 1_000_000 },
    changed: ['status'],
    actor: { userId: null, source: 'ui' },
    causation: { depth: 0, chain: [] },
    at: '2025-03-15T02:00:00.000Z',
    ...overrides,
  };
}

function graph(trigger: Record<string, unknown>, withCondition = true): WorkflowGraph {
  const parsed = parseWorkflowGraph(
    graphOf({
      trigger,
      nodes: [
        ...(withCondition
          ? [
              {
                id: 'c',
                type: 'condition',
                config: {
                  mode: 'criteria',
                  logic: 'and',
                  rules: [{ field: 'status', op: 'eq', value: 'delivered' }],
                },
              },
            ]
          : []),
        {
          id: 'yes',
          type: 'notify',
          config: { name: 'Có', to: { fields: ['owner_id'] }, message: 'Đã giao #code' },
        },
        {
          id: 'no',
          type: 'notify',
          config: { name: 'Không', to: { fields: ['owner_id'] }, message: 'Chưa giao #code' },
        },
      ],
      edges: withCondition ? ['t>c', 'c>yes:true', 'c>no:false'] : ['t>yes'],
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.graph;
}

const decide = (args: {
  trigger: Record<string, unknown>;
  event: RecordChangedEvent;
  condition?: boolean;
  workflowId?: string;
}) =>
  matchEvent({
    event: args.event,
    workflowId: args.workflowId ?? 'wf-1',
    graph: graph(args.trigger, args.condition ?? true),
    catalog: standardModules,
    timeZone: 'Asia/Ho_Chi_Minh',
    now: new Date('2025-03-15T03:00:00Z'),
  });

describe('matchEvent', () => {
  it.each([
    {
      name: 'create fires on create',
      trigger: { on: 'create' },
      ev: event({ operation: 'create', before: null }),
      kind: 'start',
    },
    { name: 'create ignores an edit', trigger: { on: 'create' }, ev: event({}), kind: 'ignored' },
    { name: 'update fires on an edit', trigger: { on: 'update' }, ev: event({}), kind: 'start' },
    {
      name: 'update ignores a create',
      trigger: { on: 'update' },
      ev: event({ operation: 'create', before: null }),
      kind: 'ignored',
    },
    {
      name: 'create_or_update fires on create',
      trigger: { on: 'create_or_update' },
      ev: event({ operation: 'create', before: null }),
      kind: 'start',
    },
    {
      name: 'create_or_update fires on an edit',
      trigger: { on: 'create_or_update' },
      ev: event({}),
      kind: 'start',
    },
    {
      name: 'delete fires on delete',
      trigger: { on: 'delete' },
      ev: event({ operation: 'delete', after: null, before: { status: 'delivered' } }),
      kind: 'start',
    },
    { name: 'delete ignores an edit', trigger: { on: 'delete' }, ev: event({}), kind: 'ignored' },
    {
      name: 'any: one watched field changed',
      trigger: { on: 'update', fields: ['status', 'total'], match: 'any' },
      ev: event({}),
      kind: 'start',
    },
    {
      name: 'all: only one of two changed',
      trigger: { on: 'update', fields: ['status', 'total'], match: 'all' },
      ev: event({}),
      kind: 'ignored',
    },
    {
      name: 'all: both changed',
      trigger: { on: 'update', fields: ['status', 'total'], match: 'all' },
      ev: event({ changed: ['status', 'total'], after: { code: 'DH-1', status: 'delivered', total: 2 } }),
      kind: 'start',
    },
    {
      name: 'any: unwatched field changed',
      trigger: { on: 'update', fields: ['total'], match: 'any' },
      ev: event({}),
      kind: 'ignored',
    },
  ])('$name → $kind', ({ trigger, ev, kind }) => {
    expect(decide({ trigger, event: ev }).kind).toBe(kind);
  });

  it.each([
    { status: 'delivered', action: 'yes' },
    { status: 'cancelled', action: 'no' },
  ])('the condition sends a $status order down the $action branch', ({ status, action }) => {
    const decision = decide({
      trigger: { on: 'update' },
      event: event({ after: { code: 'DH-1', status, total: 1 } }),
    });
    expect(decision).toMatchObject({
      kind: 'start',
      actions: [action],
      conditions: [{ nodeId: 'c', matched: status === 'delivered' }],
    });
  });

  it.each([
    { trigger: { on: 'update', repeat: false }, once: true },
    { trigger: { on: 'update', repeat: true }, once: false },
    { trigger: { on: 'update' }, once: false },
    { trigger: { on: 'create_or_update', repeat: false }, once: true },
    { trigger: { dateField: 'order_date' }, once: false },
  ])('$trigger fires once per record: $once (the ledger keeps it)', ({ trigger, once }) => {
    expect(firesOncePerRecord(graph(trigger).trigger.config)).toBe(once);
  });

  it.each([
    { name: 'depth 5 still runs', causation: { depth: 5, chain: [] }, kind: 'start', code: undefined },
    { name: 'depth 6 is dropped', causation: { depth: 6, chain: [] }, kind: 'drop', code: 'loop_depth' },
    {
      name: 'the same workflow on the same record earlier in the chain',
      causation: { depth: 1, chain: [{ workflowId: 'wf-1', recordId }] },
      kind: 'drop',
      code: 'loop_chain',
    },
    {
      name: 'another workflow earlier in the chain',
      causation: { depth: 1, chain: [{ workflowId: 'wf-2', recordId }] },
      kind: 'start',
      code: undefined,
    },
  ])('loop guard: $name', ({ causation, kind, code }) => {
    const decision = decide({ trigger: { on: 'update' }, event: event({ causation }), condition: false });
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'drop') expect(decision.stop.code).toBe(code);
  });

  it('does not drop what would not have run anyway', () => {
    const decision = decide({
      trigger: { on: 'update', fields: ['total'] },
      event: event({ causation: { depth: 9, chain: [] } }),
    });
    expect(decision.kind).toBe('ignored');
  });
});
