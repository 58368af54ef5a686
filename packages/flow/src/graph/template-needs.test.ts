import { describe, expect, it } from 'vitest';
import type { FlowGraph } from './flow-graph.ts';
import { templateNeeds, templatePlaceholder } from './template-needs.ts';

const step = (id: string, config: Record<string, unknown>) => ({
  id,
  type: 'x',
  position: { x: 0, y: 0 },
  config,
});
const graph = (...nodes: FlowGraph['nodes']): FlowGraph => ({ nodes, edges: [] });

describe('templatePlaceholder', () => {
  it.each([
    ['{{provider:sms}}', true],
    ['{{znsTemplate:customer_name}}', true],
    ['{{webhook:url}}', true],
    ['{{secret:sms}}', false],
    ['Gửi {{provider:sms}}', false],
    ['{{provider:SMS}}', false],
  ])('%s → %s', (text, matches) => expect(templatePlaceholder.test(text)).toBe(matches));
});

describe('templateNeeds', () => {
  it.each<[string, FlowGraph, { placeholder: string; what: string; scope: string; nodeIds: string[] }[]]>([
    ['none', graph(step('a', { name: 'Gửi SMS', provider: 'p1' })), []],
    [
      'one shared by two steps, in the order of the steps',
      graph(
        step('b', { provider: '{{provider:sms}}' }),
        step('a', { nested: { provider: '{{provider:sms}}' } }),
      ),
      [{ placeholder: '{{provider:sms}}', what: 'provider', scope: 'sms', nodeIds: ['b', 'a'] }],
    ],
    [
      'several in one step, in lists too',
      graph(step('a', { ruleId: '{{allocationRule:lead}}', list: ['{{user:lead}}'] })),
      [
        { placeholder: '{{allocationRule:lead}}', what: 'allocationRule', scope: 'lead', nodeIds: ['a'] },
        { placeholder: '{{user:lead}}', what: 'user', scope: 'lead', nodeIds: ['a'] },
      ],
    ],
  ])('%s', (_what, input, needs) => expect(templateNeeds(input)).toEqual(needs));
});
