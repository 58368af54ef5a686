import { createHash } from 'node:crypto';
import type { Database } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import type { Sql } from 'postgres';
import type { EngineLogger } from '../runtime/runtime-deps.ts';

/** Which expression a care process's selection needs indexed: month-day (yearly) or the date (once). */
export type CareIndexKind = 'md' | 'date';

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * A module or field key as an SQL literal. Keys are checked against the key pattern, so quoting
 * is only a second guard; they must be literals (not parameters) for the planner to match the
 * partial expression indexes.
 */
export function keyLiteral(key: string): string {
  if (!identifier.test(key)) throw new Error(`Not a key: ${key}`);
  return `'${key}'`;
}

/** The indexed expression, exactly as the selection writes it (alias `r` for the records table). */
export function careExpression(args: { field: string; kind: CareIndexKind; alias?: string }): string {
  const value = `${args.alias ? `${args.alias}.` : ''}data->>${keyLiteral(args.field)}`;
  return args.kind === 'md' ? `substr(${value}, 6, 5)` : `(${value})`;
}

export function careIndexName(args: { module: ModuleKey; field: string; kind: CareIndexKind }): string {
  const name = `records_care_${args.kind}_${args.module}_${args.field}`;
  if (name.length <= 63) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 10);
  return `${name.slice(0, 52)}_${hash}`;
}

function createStatement(args: {
  module: ModuleKey;
  field: string;
  kind: CareIndexKind;
  name: string;
}): string {
  const expression = careExpression(args);
  return `create index concurrently if not exists ${args.name} on records (org_id, (${expression})) where module = ${keyLiteral(args.module)} and deleted_at is null`;
}

/**
 * Indexes the date field a care process selects on: an expression index per (module, field,
 * kind), shared by every organization. Built `concurrently` (outside any transaction) so record
 * writes go on meanwhile. Two processes may try at once: a session advisory lock lets one
 * build while the other goes on without the index this time (its query is still right, only
 * slower). An index left invalid by an interrupted build is dropped and built again.
 * Returns whether the index is there and valid.
 */
export async function ensureCareIndex(args: {
  database: Database;
  module: ModuleKey;
  field: string;
  kind: CareIndexKind;
  logger?: EngineLogger;
}): Promise<boolean> {
  const { database } = args;
  const name = careIndexName(args);
  const state = async (on: Sql) => {
    const [row] = await on<{ valid: boolean }[]>`
      select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid
      where c.relname = ${name} and c.relnamespace = 'public'::regnamespace`;
    return row ? (row.valid ? 'valid' : 'invalid') : 'missing';
  };
  if ((await state(database.sql)) === 'valid') return true;
  // One connection for the lock, the checks and the build: a session lock belongs to it.
  const session = await database.sql.reserve();
  try {
    const [lock] = await session<{ ok: boolean }[]>`select pg_try_advisory_lock(hashtext(${name})) as ok`;
    if (!lock?.ok) return false;
    try {
      const found = await state(session);
      if (found === 'valid') return true;
      if (found === 'invalid') await session.unsafe(`drop index concurrently if exists ${name}`);
      await session.unsafe(createStatement({ ...args, name }));
      args.logger?.info({ index: name }, 'care-process index built');
      return (await state(session)) === 'valid';
    } finally {
      await session`select pg_advisory_unlock(hashtext(${name}))`;
    }
  } catch (error) {
    args.logger?.warn({ index: name, error }, 'care-process index not built; selecting without it');
    return false;
  } finally {
    session.release();
  }
}

/** Valid indexes seen by this process, so a tick checks the catalogue once per index. */
export class CareIndexes {
  readonly #valid = new Set<string>();

  async ensure(args: Parameters<typeof ensureCareIndex>[0]): Promise<boolean> {
    const name = careIndexName(args);
    if (this.#valid.has(name)) return true;
    const ok = await ensureCareIndex(args);
    if (ok) this.#valid.add(name);
    return ok;
  }
}
