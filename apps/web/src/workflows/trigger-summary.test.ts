import { type FlowGraph, standardModules } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { triggerSummary } from './trigger-summary.ts';

const graphWith = (config: Record<string, unknown>): FlowGraph => ({
  nodes: [{ id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config }],
  edges: [],
});

describe('triggerSummary', () => {
  it.each([
    {
      module: standardModules.order,
      config: { on: 'update', fields: ['status'], match: 'any', repeat: true },
      locale: 'vi' as const,
      expected: 'Khi sửa bản ghi, đổi bất kỳ: Tình trạng',
    },
    {
      module: standardModules.order,
      config: { on: 'create', fields: [], match: 'any', repeat: true },
      locale: 'en' as const,
      expected: 'When a record is created',
    },
    {
      module: standardModules.contact,
      config: { dateField: 'birthday', recurrence: 'yearly', offsetDays: -3, window: 'day', runAt: '08:00' },
      locale: 'vi' as const,
      expected: 'Hằng năm vào Ngày sinh, trước 3 ngày, lúc 08:00',
    },
  ])('reads $config in $locale', ({ module, config, locale, expected }) => {
    expect(triggerSummary({ graph: graphWith(config), module, locale })).toBe(expected);
  });

  it.each([
    { name: 'no trigger node', graph: { nodes: [], edges: [] } },
    { name: 'a care process without its date field', graph: graphWith({ dateField: '', runAt: '08:00' }) },
  ])('is null for $name', ({ graph }) => {
    expect(triggerSummary({ graph, module: standardModules.contact, locale: 'vi' })).toBeNull();
  });
});
