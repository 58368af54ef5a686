import { describe, expect, it } from 'vitest';
import { stepsOfJob } from './step-jobs.ts';
import { compareLaneSteps, type LaneStep, laneJobs } from './step-lanes.ts';

const step = (
  runId: string,
  nodeId: string,
  lane: string,
  order: [at: number, priority: number, created: number, workflowId: string],
  rank = 0,
): LaneStep => ({ runId, nodeId, lane, order, rank });

describe('compareLaneSteps', () => {
  type Order = [at: number, priority: number, created: number, workflowId: string];
  it.each<[string, Order, Order, [number, number]?]>([
    ['an earlier event first, whatever the priority', [1_000, 5, 0, 'w1'], [2_000, 0, 0, 'w2']],
    ['one event: the lower priority number first', [1_000, 0, 9, 'w9'], [1_000, 1, 1, 'w1']],
    ['same priority: the older workflow first', [1_000, 2, 100, 'wz'], [1_000, 2, 200, 'wa']],
    ['same priority and age: by workflow id', [1_000, 2, 100, 'wa'], [1_000, 2, 100, 'wb']],
    ['one run: by the node’s rank in the graph', [1_000, 2, 100, 'wa'], [1_000, 2, 100, 'wa'], [1, 2]],
  ])('%s', (_name, first, second, ranks) => {
    const sameRun = ranks !== undefined;
    const a = step('r1', 'x', 'p', first, ranks?.[0]);
    const b = step(sameRun ? 'r1' : 'r2', 'y', 'p', second, ranks?.[1]);
    expect(compareLaneSteps(a, b)).toBeLessThan(0);
    expect(compareLaneSteps(b, a)).toBeGreaterThan(0);
    expect(compareLaneSteps(a, a)).toBe(0);
  });
});

describe('laneJobs', () => {
  const lanesOf = (steps: LaneStep[]) =>
    laneJobs(steps).map((job) => stepsOfJob(job.data ?? { runId: '', nodeId: '' }).map((s) => s.runId));

  it.each([
    { name: 'nothing queued', steps: [], jobs: [] },
    {
      name: 'one step per record: a job each',
      steps: [step('r1', 'u', 'p1', [0, 0, 0, 'w']), step('r2', 'u', 'p2', [0, 0, 0, 'w'])],
      jobs: [['r1'], ['r2']],
    },
    {
      name: 'one record’s steps: one job, in priority order',
      steps: [
        step('rB', 'u', 'p1', [0, 1, 0, 'wB']),
        step('rC', 'u', 'p1', [0, 2, 0, 'wC']),
        step('rA', 'u', 'p1', [0, 0, 0, 'wA']),
      ],
      jobs: [['rA', 'rB', 'rC']],
    },
    {
      name: 'records apart, each in its order',
      steps: [
        step('r2', 'u', 'p1', [0, 1, 0, 'w2']),
        step('r3', 'u', 'p2', [0, 0, 0, 'w3']),
        step('r1', 'u', 'p1', [0, 0, 0, 'w1']),
      ],
      jobs: [['r1', 'r2'], ['r3']],
    },
    {
      name: 'a step queued twice runs once',
      steps: [step('r1', 'u', 'p1', [0, 0, 0, 'w']), step('r1', 'u', 'p1', [0, 0, 0, 'w'])],
      jobs: [['r1']],
    },
  ])('$name', ({ steps, jobs }) => {
    expect(lanesOf(steps)).toEqual(jobs);
  });

  it('gives the same steps the same job id, and a single step the id of its own job', () => {
    const steps = [step('r1', 'u', 'p', [0, 0, 0, 'w1']), step('r2', 'u', 'p', [0, 1, 0, 'w2'])];
    expect(laneJobs(steps)[0]?.id).toBe(laneJobs([...steps].reverse())[0]?.id);
    expect(laneJobs([steps[0] as LaneStep])[0]?.id).toBe(laneJobs([steps[0] as LaneStep])[0]?.id);
    expect(laneJobs(steps)[0]?.id).not.toBe(laneJobs([steps[0] as LaneStep])[0]?.id);
  });
});
