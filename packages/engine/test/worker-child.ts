/**
 * Drives `worker-process.ts` from a crash test: starts a worker in a process of its own, reads
 * its progress lines, and waits for it to be gone after a kill.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { RuntimeBed } from './runtime-bed.ts';

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
