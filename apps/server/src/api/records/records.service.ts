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
  const { db, orgId, row } = args;
  const { fields } = await loadRecordMeta({ db, orgId, module: row.module });
  const pointers = fields
    .filter((field) => field.type === 'reference' || field.type === 'user')
    .map((field) => ({ key: field.key, type: field.type, id: row.data[field.key] }))
    .filter(
      (pointer): pointer is { key: string; type: 'reference' | 'user'; id: string } =>
        typeof pointer.id === 'string',
    );
  const recordIds = pointers.filter((p) => p.type === 'reference').map((p) => p.id);
  const userIds = pointers.filter((p) => p.type === 'user').map((p) => p.id);
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
  const related: Related = {};
  for (const field of fields) {
    if (field.type !== 'reference' && field.type !== 'user') continue;
    const pointer = pointers.find((p) => p.key === field.key);
    const title = pointer ? titles.get(pointer.id) : undefined;
    related[field.key] = pointer && title !== undefined ? { id: pointer.id, title } : null;
  }
  return related;
}
