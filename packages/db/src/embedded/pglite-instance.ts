import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Opens PGlite on a data directory, or in memory without one. A new database runs initdb first,
 * which takes seconds (tens on a busy machine); the in-memory databases that tests open by the
 * dozen start instead from a snapshot of a freshly initialised one, taken once per PGlite build
 * and kept in the OS temp directory.
 */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) return PGlite.create(dataDir);
  const snapshot = snapshotPath();
  const saved = readSnapshot(snapshot);
  if (saved) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([saved]) });
    } catch {
      // A damaged or foreign snapshot: start from initdb and replace it.
    }
  }
  const pglite = await PGlite.create();
  await saveSnapshot(pglite, snapshot);
  return pglite;
}

/** Named after the installed PGlite build, so an upgrade never loads an older cluster. */
function snapshotPath(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { size, mtimeMs } = statSync(entry);
  const build = createHash('sha256').update(`${entry}:${size}:${mtimeMs}`).digest('hex').slice(0, 16);
  return join(tmpdir(), `crmflow-pglite-${build}.tar`);
}

function readSnapshot(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

async function saveSnapshot(pglite: PGlite, path: string): Promise<void> {
  // Written aside and renamed, so that test workers starting together never read half a file.
  const partial = `${path}.${process.pid}.partial`;
  try {
    await pglite.exec('CHECKPOINT');
    const dump = await pglite.dumpDataDir('none');
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } catch {
    // Only a speed-up: without a snapshot the next database runs initdb again.
    rmSync(partial, { force: true });
  }
}
