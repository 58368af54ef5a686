import type { FlowGraph } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { templateSteps } from './template-steps.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  config,
});

// Listed out of order on purpose: the preview follows the edges, not the array.
const graph: FlowGraph = {
  nodes: [
    node('n3', 'send_email', { name: 'Xác nhận đơn hàng' }),
    node('n1', 'trigger', { on: 'update' }),
    node('n4', 'create_task', { title: 'Gọi chăm sóc #code' }),
    node('n2', 'condition', { mode: 'all' }),
  ],
  edges: [
    { id: 'e1', source: 'n1', target: 'n2' },
    { id: 'e2', source: 'n2', target: 'n3', sourceHandle: 'true' },
    { id: 'e3', source: 'n3', target: 'n4' },
  ],
};

describe('templateSteps', () => {
  it.each([
    {
      locale: 'vi' as const,
      expected: [
        ['trigger', 'Khi nào', null],
        ['condition', 'Điều kiện', null],
        ['action', 'Gửi Email thông báo', 'Xác nhận đơn hàng'],
        ['action', 'Giao nhiệm vụ', 'Gọi chăm sóc #code'],
      ],
    },
    {
      locale: 'en' as const,
      expected: [
        ['trigger', 'When', null],
        ['condition', 'Condition', null],
        ['action', 'Send email', 'Xác nhận đơn hàng'],
        ['action', 'Assign task', 'Gọi chăm sóc #code'],
      ],
    },
  ])('lists the steps in running order in $locale', ({ locale, expected }) => {
    expect(templateSteps(graph, locale).map((step) => [step.category, step.label, step.name])).toEqual(
      expected,
    );
  });

  it('keeps the stored order of a graph with a cycle and names unknown types by their type', () => {
    const looped: FlowGraph = {
      nodes: [node('a', 'trigger'), node('b', 'mystery')],
      edges: [
        { id: 'e1', source: 'a', target: 'b' },
        { id: 'e2', source: 'b', target: 'a' },
      ],
    };
    expect(templateSteps(looped, 'vi').map((step) => [step.category, step.label])).toEqual([
      ['trigger', 'Khi nào'],
      ['unknown', 'mystery'],
    ]);
  });
});
