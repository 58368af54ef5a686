import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, sleep, waitForStatus } from '../processes.ts';

const serverDir = fileURLToPath(new URL('../../../', import.meta.url));

export type Role = 'api' | 'worker';

/** Children still running: killed if this process ends first (a test that timed out, Ctrl-C). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** One process that ended: how, and whether it was asked to (a kill of ours, or the final stop). */
export type ProcessExit = {
  name: string;
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** SIGKILL sent on purpose, or SIGTERM at the end: not a failure if it ended as asked. */
  cause: 'killed' | 'stopped' | 'unexpected';
  /** For a stop: how long from SIGTERM to the exit, and whether it ended with our SIGKILL. */
  stop?: { ms: number; forced: boolean };
  /** The last lines the process printed, kept for an exit nobody asked for. */
  output: string;
};

/**
 * What an exit says about the product: `crash` (it ended without being asked), `stop-timeout`
 * (asked to stop, it was still shutting down at the deadline: its own, or ours, when we killed
 * it), `stop-failed` (asked to stop, it ended with another code), or `ok`.
 */
export type ExitVerdict = 'ok' | 'crash' | 'stop-timeout' | 'stop-failed';

/** The line the server prints when its own shutdown deadline passes (`start-server.ts`). */
const SHUTDOWN_DEADLINE_LINE = /shutdown did not finish within/;

export function exitVerdict(exit: ProcessExit): ExitVerdict {
  if (exit.cause === 'killed') return 'ok';
  if (exit.cause === 'unexpected') return 'crash';
  if (exit.stop?.forced || (exit.code !== 0 && SHUTDOWN_DEADLINE_LINE.test(exit.output)))
    return 'stop-timeout';
  return exit.code === 0 && exit.signal === null ? 'ok' : 'stop-failed';
}

/** How long a deliberate stop may take before SIGKILL: beyond the server's own 60 s deadline. */
export const STOP_WAIT_MS = 90_000;

type Member = {
  name: string;
  role: Role;
  child: ChildProcess;
  baseUrl: string;
  log: string;
  cause: ProcessExit['cause'];
  dataDir: string;
  /** Set by `stop`: when SIGTERM went, and whether our SIGKILL ended a stop that took too long. */
  stoppedAt?: number;
  forced?: boolean;
};

/**
 * The product as an operator runs it: `apps/server/src/main.ts` with `CRMFLOW_ROLE=api` and as
 * many `CRMFLOW_ROLE=worker` processes as asked, each a plain node process (killing it kills the
 * server itself, not a wrapper). A process that exits without being asked is started again, as a
 * restart policy would, and its exit is kept for the report.
 */
export class ProductFleet {
  readonly exits: ProcessExit[] = [];
  private readonly members = new Map<string, Member>();
  private stopping = false;

  constructor(private readonly env: Record<string, string>) {}

  /**
   * Starts the API, then the workers and any further API processes (the first API migrates the
   * database first), and waits for /readyz. The APIs are named `api`, `api-2`, …
   */
  async start(workers: number, apis = 1): Promise<void> {
    await this.launch('api', 'api');
    await this.ready('api');
    const names = [
      ...Array.from({ length: apis - 1 }, (_, i) => [`api-${i + 2}`, 'api'] as const),
      ...Array.from({ length: workers }, (_, i) => [`worker-${i + 1}`, 'worker'] as const),
    ];
    for (const [name, role] of names) await this.launch(name, role);
    await Promise.all(names.map(([name]) => this.ready(name)));
  }

  get apiUrl(): string {
    return this.member('api').baseUrl;
  }

  /** Every API process's address, the first one first. */
  get apiUrls(): string[] {
    return [...this.members.values()].filter((m) => m.role === 'api').map((m) => m.baseUrl);
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.members].map(([name, m]) => [name, m.child.pid]));
  }

  /** SIGKILL, then a new process of the same role, ready before this resolves. */
  async killAndRestart(name: string): Promise<void> {
    const member = this.member(name);
    member.cause = 'killed';
    const gone = exitOf(member.child);
    member.child.kill('SIGKILL');
    await gone;
    await this.launch(name, member.role);
    await this.ready(name);
  }

  /**
   * Waits until the process of that name answers /readyz; if it died on the way, for the one
   * started in its place.
   */
  async ready(name: string, ms = 90_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const member = this.member(name);
      if (await waitForStatus(`${member.baseUrl}/readyz`, 200, 1000)) return;
    }
    throw new Error(`${name} is not ready after ${ms / 1000} s:\n${this.member(name).log}`);
  }

  /**
   * SIGTERM to every process; each should shut down cleanly with code 0. One still running
   * after `waitMs` is killed, and its exit says so (`stop.forced`).
   */
  async stop(waitMs = STOP_WAIT_MS): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.members.values()].map(async (member) => {
        if (member.child.exitCode !== null || member.child.signalCode !== null) return;
        member.cause = 'stopped';
        member.stoppedAt = Date.now();
        const gone = exitOf(member.child);
        member.child.kill('SIGTERM');
        const timer = setTimeout(() => {
          member.forced = true;
          member.child.kill('SIGKILL');
        }, waitMs);
        await gone;
        clearTimeout(timer);
      }),
    );
    for (const member of this.members.values()) rmSync(member.dataDir, { recursive: true, force: true });
  }

  /** Exits that count against the product: crashes, and stops that did not end with code 0. */
  failures(): ProcessExit[] {
    return this.exits.filter((e) => exitVerdict(e) !== 'ok');
  }

  private member(name: string): Member {
    const member = this.members.get(name);
    if (!member) throw new Error(`no process named ${name}`);
    return member;
  }

  private async launch(name: string, role: Role): Promise<void> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), `crmflow-chaos-${role}-`));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: process.env.CHAOS_LOG_DIR ? 'info' : 'error',
        CRMFLOW_WEB_DIST: '/nonexistent-web-dist',
        CRMFLOW_DATA_DIR: dataDir,
        CRMFLOW_ROLE: role,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const member: Member = {
      name,
      role,
      child,
      baseUrl: `http://127.0.0.1:${port}`,
      log: '',
      cause: 'unexpected',
      dataDir,
    };
    // CHAOS_LOG_DIR: every process's whole output, one file a name, to look into a run after it.
    const logFile = process.env.CHAOS_LOG_DIR ? join(process.env.CHAOS_LOG_DIR, `${name}.log`) : null;
    const keep = (chunk: Buffer) => {
      member.log = (member.log + chunk.toString()).slice(-4000);
      if (logFile) appendFileSync(logFile, chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    live.add(child);
    child.once('exit', (code, signal) => {
      live.delete(child);
      const stop =
        member.stoppedAt === undefined
          ? undefined
          : { ms: Date.now() - member.stoppedAt, forced: member.forced === true };
      this.exits.push({
        name,
        pid: child.pid ?? 0,
        code,
        signal,
        cause: member.cause,
        ...(stop ? { stop } : {}),
        output: member.log,
      });
      rmSync(dataDir, { recursive: true, force: true });
      // The restart policy: a process that died on its own comes back.
      if (member.cause === 'unexpected' && !this.stopping && this.members.get(name) === member)
        void sleep(1000)
          .then(() => (this.stopping ? undefined : this.launch(name, role)))
          .catch(() => {});
    });
    this.members.set(name, member);
  }
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));
