import type { FlowGraph } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { toEditorDoc } from './graph-convert.ts';
import { freePosition } from './placement.ts';

const doc = toEditorDoc({
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: {} },
    { id: 'n2', type: 'notify', position: { x: 0, y: 154 }, config: {} },
  ],
  edges: [],
} satisfies FlowGraph);

describe('where a step added from the palette lands', () => {
  it.each([
    { why: 'on an empty spot: where it was asked', wanted: { x: 400, y: 0 }, expected: { x: 400, y: 0 } },
    {
      why: 'on top of the trigger: below it, and below the step right under it',
      wanted: { x: 0, y: 0 },
      expected: { x: 0, y: 252 },
    },
    { why: 'on top of the lower step: just below it', wanted: { x: 0, y: 180 }, expected: { x: 0, y: 264 } },
    {
      why: 'half over both steps: below the second',
      wanted: { x: 100, y: 60 },
      expected: { x: 100, y: 270 },
    },
    { why: 'just beside a step: where it was asked', wanted: { x: 280, y: 0 }, expected: { x: 280, y: 0 } },
  ])('$why', ({ wanted, expected }) => {
    expect(freePosition({ doc, wanted })).toEqual(expected);
  });
});
