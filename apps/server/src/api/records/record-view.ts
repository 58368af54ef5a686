import type { RecordView } from '@crmflow/contracts';
import { type RecordRow, recordTitle } from '@crmflow/engine';

export function toRecordView(row: RecordRow): RecordView {
  return {
    id: row.id,
    module: row.module,
    title: recordTitle(row.module, row.data),
    data: row.data,
    ownerId: row.ownerId,
    externalId: row.externalId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
  };
}
