import type { RunStep } from '@crmflow/contracts';
import { describe, expect, it } from 'vitest';
import { noRefs } from '../../api/runs.ts';
import type { EditorEdge } from '../store/editor-types.ts';
import { runMarksOf, testMarksOf } from './run-marks.ts';

/** A step as the server answers it; a test names what it is about. */
const step = (fields: Pick<RunStep, 'nodeId' | 'nodeType' | 'status'> & Partial<RunStep>): RunStep => ({
  attempts: 1,
  input: null,
  output: null,
  error: null,
  startedAt: null,
  finishedAt: null,
  ...fields,
});

const edge = (
  id: string,
  source: string,
  target: string,
  sourceHandle: string | null = null,
): EditorEdge => ({
  id,
  type: 'flow',
  source,
  target,
  sourceHandle,
});
const edges = [
  edge('e1', 'n1', 'n2'),
  edge('e2', 'n2', 'n3', 'true'),
  edge('e3', 'n2', 'n4', 'false'),
  edge('e4', 'n3', 'n5'),
];

describe('test marks', () => {
  it('lights the path the record takes, through the branch the condition chose', () => {
    const { marks, litEdges } = testMarksOf({
      edges,
      result: {
        matched: true,
        refs: noRefs,
        path: ['n1', 'n2', 'n4'],
        nodes: {
          n1: { status: 'matched', reason: '' },
          n2: { status: 'not_matched', reason: 'Tình trạng không bằng Đã giao hàng' },
          n3: { status: 'skipped', reason: '' },
          n4: { status: 'would_run', reason: '' },
        },
      },
    });
    expect([...litEdges]).toEqual(['e1', 'e3']);
    expect(Object.fromEntries(marks)).toEqual({ n1: 'path', n2: 'stopped', n3: 'skipped', n4: 'path' });
  });
});

describe('run marks', () => {
  it('colours each node by its step, leaves unreached ones plain, and lights the edges walked', () => {
    const { marks, litEdges } = runMarksOf({
      edges,
      steps: [
        step({ nodeId: 'n1', nodeType: 'trigger', status: 'succeeded' }),
        step({ nodeId: 'n2', nodeType: 'condition', status: 'succeeded' }),
        step({
          nodeId: 'n3',
          nodeType: 'send_email',
          status: 'failed',
          attempts: 3,
          error: { code: 'smtp', message: 'refused' },
        }),
      ],
    });
    expect(Object.fromEntries(marks)).toEqual({ n1: 'succeeded', n2: 'succeeded', n3: 'failed' });
    expect([...litEdges]).toEqual(['e1', 'e2']);
  });
});
