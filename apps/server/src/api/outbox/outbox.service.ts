import type { OutboxMessage } from '@crmflow/contracts';
import { type Db, outbox } from '@crmflow/db';
import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';

type OutboxRow = typeof outbox.$inferSelect;

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    runId: row.runId,
    nodeId: row.nodeId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    attachments: row.attachments.map(({ name, contentType, size }) => ({ name, contentType, size })),
  };
}

/** The payload without the attachments' bytes, which can be large: those have their own route. */
export function payloadOf(row: OutboxRow): Record<string, unknown> {
  const { attachmentData: _files, ...rest } = row.payload;
  return rest;
}

export type OutboxFilter = {
  channel?: OutboxMessage['channel'] | undefined;
  status?: OutboxMessage['status'] | undefined;
  runId?: string | undefined;
  q?: string | undefined;
};

export async function listOutbox(args: {
  db: Db;
  orgId: string;
  filter: OutboxFilter;
  page: number;
  pageSize: number;
}): Promise<{ rows: OutboxRow[]; total: number }> {
  const { db, orgId, filter, page, pageSize } = args;
  const search: SQL | undefined = filter.q
    ? or(ilike(outbox.recipient, `%${filter.q}%`), ilike(outbox.subject, `%${filter.q}%`))
    : undefined;
  const where = and(
    eq(outbox.orgId, orgId),
    filter.channel ? eq(outbox.channel, filter.channel) : undefined,
    filter.status ? eq(outbox.status, filter.status) : undefined,
    filter.runId ? eq(outbox.runId, filter.runId) : undefined,
    search,
  );
  const rows = await db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(outbox).where(where);
  return { rows, total: count?.total ?? 0 };
}

export async function findOutboxMessage(args: { db: Db; orgId: string; id: string }): Promise<OutboxRow> {
  const [row] = await args.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, args.id), eq(outbox.orgId, args.orgId)));
  if (!row) throw new AppError('outbox_not_found');
  return row;
}

/** One attached file: its description in `attachments`, its bytes (base64) in `payload.attachmentData`. */
export function attachmentOf(
  row: OutboxRow,
  index: number,
): { name: string; contentType: string; content: Buffer } {
  const described = row.attachments[index];
  const stored: unknown = row.payload.attachmentData;
  const data = Array.isArray(stored) ? stored[index] : undefined;
  if (!described || typeof data !== 'string') throw new AppError('not_found');
  return { name: described.name, contentType: described.contentType, content: Buffer.from(data, 'base64') };
}

/** `Content-Disposition` for a file name with Vietnamese letters (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
