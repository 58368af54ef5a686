import { type RecordRow, recordTitle } from '@crmflow/engine';
import { ModuleKey } from '@crmflow/flow';
import { z } from 'zod';

/** A record as the API serves it; values in `data` follow the field types (see the contract). */
export const RecordView = z
  .object({
    id: z.uuid(),
    module: ModuleKey,
    title: z.string().describe('The value of the module’s title field'),
    data: z.record(z.string(), z.unknown()),
    ownerId: z.uuid().nullable(),
    externalId: z.string().nullable().describe('Id in the system the record was imported from'),
    version: z.number().int().describe('Send it back with an edit to refuse stale writes (409)'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    createdBy: z.uuid().nullable(),
    updatedBy: z.uuid().nullable(),
  })
  .describe('A record');
export type RecordView = z.infer<typeof RecordView>;

export const RelatedRecord = z.object({ id: z.uuid(), title: z.string() }).nullable();

export const RecordWithRelated = RecordView.extend({
  related: z
    .record(z.string(), RelatedRecord)
    .describe(
      'For each reference and user field: the record or user it points at, with its title; null if gone',
    ),
}).describe('A record with the titles of what it points at');

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
