/**
 * Drives `worker-process.ts` from a crash test: starts a worker in a process of its own, reads
 * its progress lines, and waits for it to be gone after a kill.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { QUEUES } from '../src/queues.ts';
import { addWorkflow, graphOf, type NodeSpec, recordWriter, seedOrg, type TestOrg } from './fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from './runtime-bed.ts';

// `--import tsx` runs the script in this very process: a SIGKILL must hit the worker itself.
const tsx = createRequire(import.meta.url).resolve('tsx');
const script = fileURLToPath(new URL('./worker-process.ts', import.meta.url));

/** Runs done and open, steps being executed right now, as the worker process counts them. */
export type Progress = { succeeded: number; open: number; running: number; at: number };

export function startWorkerChild(args: {
  bed: RuntimeBed;
  workflowId: string;
  env?: Record<string, string>;
}): ChildProcess {
  const { database } = args.bed;
  const target = { mode: database.mode, connection: database.connection, url: database.url };
  return spawn(process.execPath, ['--import', tsx, script], {
    env: {
      ...process.env,
      CRMFLOW_CRASH_DB: JSON.stringify(target),
      CRMFLOW_CRASH_WORKFLOW: args.workflowId,
      ...args.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * Reads the child's progress lines until one satisfies `done`; lines keep being read (and
 * dropped) afterwards, so the child never blocks on a full pipe.
 */
export function watchProgress(
  child: ChildProcess,
  done: (p: Progress) => boolean,
  timeoutMs: number,
): Promise<Progress> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.removeListener('data', onData);
      child.stdout?.resume();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`no progress in ${timeoutMs} ms (last: ${buffer.split('\n').at(-2)})`)),
        ),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (const line of buffer.split('\n').slice(0, -1)) {
        const progress: Progress = JSON.parse(line);
        if (done(progress)) return finish(() => resolve(progress));
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => finish(() => reject(new Error(`worker process exited with ${code}`))));
  });
}

export const childExited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

/**
 * A crash test's stage: a fresh database with one workflow on accounts, started by their creation,
 * and `count` accounts created (their events queued), then pg-boss stopped in the test process so
 * that only worker processes work the queues. Jobs a killed worker held come back after 8 s
 * instead of the production 30 s.
 */
export type CrashBed = {
  bed: RuntimeBed;
  org: TestOrg;
  workflowId: string;
  /** How many accounts, hence runs, the stage has. */
  count: number;
  /** Starts a worker process; `env` as `startWorkerChild` takes it. */
  start(env: Record<string, string>): ChildProcess;
  close(): Promise<void>;
};

export async function openCrashBed(args: {
  nodes: NodeSpec[];
  edges: string[];
  count: number;
}): Promise<CrashBed> {
  const bed = await openRuntimeBed();
  const org = await seedOrg(bed.database.db);
  await bed.boss.updateQueue(QUEUES.step, { expireInSeconds: 8 });
  await bed.boss.updateQueue(QUEUES.recordChanged, { expireInSeconds: 8 });
  const graph = graphOf({ trigger: { on: 'create' }, nodes: args.nodes, edges: args.edges });
  const workflowId = await addWorkflow(bed.database.db, { orgId: org.id, module: 'account', graph });
  const write = recordWriter({ db: bed.database.db, boss: bed.boss, orgId: org.id });
  for (let start = 0; start < args.count; start += 20) {
    const size = Math.min(20, args.count - start);
    await Promise.all(
      Array.from({ length: size }, (_, i) =>
        write.create('account', { name: `Khách hàng ${start + i + 1}`, owner_id: org.users[1]?.id }),
      ),
    );
  }
  await bed.boss.stop({ graceful: false, timeout: 1_000 });
  const children: ChildProcess[] = [];
  return {
    bed,
    org,
    workflowId,
    count: args.count,
    start(env) {
      const child = startWorkerChild({ bed, workflowId, env });
      children.push(child);
      return child;
    },
    async close() {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(children.map(childExited));
      await bed.database.close();
    },
  };
}

/**
 * Starts a worker, kills it with SIGKILL once `killWhen` holds, starts another and waits until it
 * finished every run (all of the stage's succeeded, none open), then stops it. Returns the progress at the
 * kill, and how long the second worker took to come up and to finish.
 */
export async function killAndRecover(args: {
  crash: CrashBed;
  env: Record<string, string>;
  killWhen: (p: Progress) => boolean;
}): Promise<{ atKill: Progress; upAfterMs: number; finishedAfterMs: number }> {
  const first = args.crash.start(args.env);
  const atKill = await watchProgress(first, args.killWhen, 180_000);
  first.kill('SIGKILL');
  await childExited(first);
  const restartedAt = Date.now();
  const second = args.crash.start(args.env);
  const up = await watchProgress(second, () => true, 120_000);
  const end = await watchProgress(second, (p) => p.succeeded === args.crash.count && p.open === 0, 240_000);
  second.kill('SIGTERM');
  await childExited(second);
  return { atKill, upAfterMs: up.at - restartedAt, finishedAfterMs: end.at - up.at };
}
