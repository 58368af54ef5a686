import type { RecordAttachment } from '@crmflow/contracts';
import { type Db, recordFiles } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';

const fileUrl = (module: ModuleKey, recordId: string, fileId: string) =>
  `/api/records/${module}/${recordId}/files/${fileId}`;

/** The files kept with one record, oldest first, without their bytes. */
export async function attachmentsOf(args: {
  db: Db;
  orgId: string;
  module: ModuleKey;
  recordId: string;
}): Promise<RecordAttachment[]> {
  const rows = await args.db
    .select({
      id: recordFiles.id,
      name: recordFiles.name,
      contentType: recordFiles.contentType,
      size: recordFiles.size,
    })
    .from(recordFiles)
    .where(and(eq(recordFiles.orgId, args.orgId), eq(recordFiles.recordId, args.recordId)))
    .orderBy(asc(recordFiles.createdAt), asc(recordFiles.id));
  return rows.map((row) => ({ ...row, url: fileUrl(args.module, args.recordId, row.id) }));
}

/** One file with its bytes; another organization's, or one of another record, is not found. */
export async function findRecordFile(args: { db: Db; orgId: string; recordId: string; id: string }) {
  const [row] = await args.db
    .select()
    .from(recordFiles)
    .where(
      and(
        eq(recordFiles.id, args.id),
        eq(recordFiles.orgId, args.orgId),
        eq(recordFiles.recordId, args.recordId),
      ),
    );
  if (!row) throw new AppError('not_found');
  return row;
}
