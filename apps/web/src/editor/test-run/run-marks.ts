import type { RunStep, TestRunResult as TestResult } from '@crmflow/contracts';
import type { StepMark } from '../canvas/canvas-view.ts';
import type { EditorEdge } from '../store/editor-types.ts';

const testMarks: Record<TestResult['nodes'][string]['status'], StepMark> = {
  matched: 'path',
  would_run: 'path',
  not_matched: 'stopped',
  skipped: 'skipped',
  error: 'failed',
};

/**
 * How a test lights the canvas: the nodes it went through (matched, would run), where it
 * stopped, and the edges along its path — those between consecutive nodes of the path that it
 * actually took (a condition's branch that matched).
 */
export function testMarksOf(args: { result: TestResult; edges: readonly EditorEdge[] }): {
  marks: Map<string, StepMark>;
  litEdges: Set<string>;
} {
  const { result, edges } = args;
  const marks = new Map<string, StepMark>();
  for (const [nodeId, node] of Object.entries(result.nodes)) marks.set(nodeId, testMarks[node.status]);
  const onPath = new Set(result.path);
  const litEdges = new Set(
    edges
      .filter((edge) => onPath.has(edge.source) && onPath.has(edge.target))
      .filter((edge) => {
        const from = result.nodes[edge.source]?.status;
        if (edge.sourceHandle === 'true') return from === 'matched';
        if (edge.sourceHandle === 'false') return from === 'not_matched';
        return true;
      })
      .map((edge) => edge.id),
  );
  return { marks, litEdges };
}

const stepMarks: Record<string, StepMark> = {
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'skipped',
  waiting: 'waiting',
  running: 'running',
  pending: 'pending',
};

/**
 * How a run colours the canvas: each node by its step's status (a node without a step was not
 * reached and stays plain), and the edges into every reached node from a node that went on.
 */
export function runMarksOf(args: { steps: readonly RunStep[]; edges: readonly EditorEdge[] }): {
  marks: Map<string, StepMark>;
  litEdges: Set<string>;
} {
  const marks = new Map<string, StepMark>();
  for (const step of args.steps) {
    const mark = stepMarks[step.status];
    if (mark) marks.set(step.nodeId, mark);
  }
  const wentOn = (nodeId: string) => marks.get(nodeId) === 'succeeded';
  const litEdges = new Set(
    args.edges.filter((edge) => wentOn(edge.source) && marks.has(edge.target)).map((edge) => edge.id),
  );
  return { marks, litEdges };
}
