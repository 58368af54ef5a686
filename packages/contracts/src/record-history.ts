import { z } from 'zod';

/** One change of a record (Lịch sử thay đổi). */
export const HistoryEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  operation: z.enum(['create', 'update', 'delete']),
  source: z.enum(['ui', 'api', 'import', 'workflow']).describe('Through which door the change came'),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('The user; null for a workflow'),
  run: z
    .object({ id: z.string(), workflowId: z.string().nullable(), workflowName: z.string().nullable() })
    .nullable()
    .describe('The workflow run that made the change'),
  changes: z
    .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
    .describe('Each changed field with its old and new value'),
});

export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** `GET /records/:module/:id/history`. */
export const HistoryQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const HistoryPage = z
  .object({
    items: z.array(HistoryEntry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .describe('One page of the history');
export type HistoryPage = z.infer<typeof HistoryPage>;
