import { type Db, records, users } from '@crmflow/db';
import {
  loadRecordMeta,
  type RecordActor,
  RecordError,
  type RecordRow,
  type RecordWriteContext,
  recordTitle,
  userCausation,
} from '@crmflow/engine';
import type { ModuleKey } from '@crmflow/flow';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AuthContext } from '../auth/auth-context.ts';

/** How the caller reached us, as workflows see it: the SPA signs in with a session, integrations with tokens. */
export function actorOf(auth: AuthContext, source?: RecordActor['source']): RecordActor {
  return { userId: auth.user.id, source: source ?? (auth.via === 'session' ? 'ui' : 'api') };
}

/** The store's context for a write made by the caller of a request. */
export function writeContext(args: {
  app: FastifyInstance;
  auth: AuthContext;
  module: ModuleKey;
  source?: RecordActor['source'];
}): RecordWriteContext {
  const { app, auth, module, source } = args;
  return {
    db: app.database.db,
    boss: app.boss,
    orgId: auth.organization.id,
    module,
    actor: actorOf(auth, source),
    causation: userCausation,
  };
}

export async function findRecord(args: {
  db: Db;
  orgId: string;
  module: ModuleKey;
  id: string;
}): Promise<RecordRow> {
  const { db, orgId, module, id } = args;
  const [row] = await db
    .select()
    .from(records)
    .where(
      and(
        eq(records.id, id),
        eq(records.orgId, orgId),
        eq(records.module, module),
        isNull(records.deletedAt),
      ),
    );
  if (!row) throw new RecordError({ code: 'record_not_found' });
  return row;
}

type Related = Record<string, { id: string; title: string } | null>;

/** The titles of the records and users a record points at, for links and pickers. */
export async function relatedOf(args: { db: Db; orgId: string; row: RecordRow }): Promise<Related> {
  const related = await relatedOfRows({
    db: args.db,
    orgId: args.orgId,
    module: args.row.module,
    rows: [args.row],
  });
  return related.get(args.row.id) ?? {};
}

/**
 * The same for a page of records of one module, in two queries whatever its size: a list shows
 * its references' titles without a request per cell.
 */
export async function relatedOfRows(args: {
  db: Db;
  orgId: string;
  module: ModuleKey;
  rows: readonly RecordRow[];
}): Promise<Map<string, Related>> {
  const { db, orgId, module, rows } = args;
  const { fields } = await loadRecordMeta({ db, orgId, module });
  const pointerFields = fields.filter((field) => field.type === 'reference' || field.type === 'user');
  const idsOf = (type: 'reference' | 'user') => [
    ...new Set(
      rows.flatMap((row) =>
        pointerFields
          .filter((field) => field.type === type)
          .map((field) => row.data[field.key])
          .filter((id): id is string => typeof id === 'string'),
      ),
    ),
  ];
  const recordIds = idsOf('reference');
  const userIds = idsOf('user');
  const linkedRecords =
    recordIds.length === 0
      ? []
      : await db
          .select({ id: records.id, module: records.module, data: records.data })
          .from(records)
          .where(and(eq(records.orgId, orgId), inArray(records.id, recordIds), isNull(records.deletedAt)));
  const linkedUsers =
    userIds.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, userIds)));
  const titles = new Map<string, string>([
    ...linkedRecords.map((linked): [string, string] => [linked.id, recordTitle(linked.module, linked.data)]),
    ...linkedUsers.map((user): [string, string] => [user.id, user.name]),
  ]);
  const byRow = new Map<string, Related>();
  for (const row of rows) {
    const related: Related = {};
    for (const field of pointerFields) {
      const id = row.data[field.key];
      const title = typeof id === 'string' ? titles.get(id) : undefined;
      related[field.key] = typeof id === 'string' && title !== undefined ? { id, title } : null;
    }
    byRow.set(row.id, related);
  }
  return byRow;
}
