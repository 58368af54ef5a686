import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../apps/server/src/test/processes.ts';

const run = promisify(execFile);
const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** The OS user the cluster runs as: PostgreSQL refuses to run as root. */
const PG_USER = process.env.CHAOS_PG_USER ?? 'postgres';

export type ThrowAwayCluster = {
  port: number;
  /** A URL to a database of this cluster (trust auth, user `postgres`). */
  urlOf(database: string): string;
  /** `pg_ctl restart -m fast`: every session ends, the server is down until it is up again. */
  restart(): Promise<void>;
  /** Stops the server and deletes its directory. */
  remove(): Promise<void>;
};

/**
 * A PostgreSQL cluster of the benchmark's own, in a temporary directory, on a port of its own,
 * listening on 127.0.0.1 only: the one server the benchmark may restart. Never the shared one.
 */
export async function createThrowAwayCluster(): Promise<ThrowAwayCluster> {
  const dir = mkdtempSync('/tmp/crmflow-chaos-pg-');
  const { stdout: uid } = await run('id', ['-u', PG_USER]);
  const { stdout: gid } = await run('id', ['-g', PG_USER]);
  chownSync(dir, Number(uid), Number(gid));
  const data = join(dir, 'data');
  const asPostgres = (bin: string, args: string[]) =>
    run('runuser', ['-u', PG_USER, '--', join(PG_BIN, bin), ...args], { cwd: dir });
  const port = await freePort();
  const ctl = (args: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), ...args]);
  try {
    await asPostgres('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200'];
    await ctl(['-o', options.join(' '), '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async restart() {
      await ctl(['-m', 'fast', '-w', 'restart']);
    },
    async remove() {
      await ctl(['-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
