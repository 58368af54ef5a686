import { records, users } from '@crmflow/db';
import {
  findField,
  type Locale,
  mergeFieldRefs,
  referencedModule,
  renderMergeFields,
  type UserDirectory,
} from '@crmflow/flow';
import { and, eq, inArray } from 'drizzle-orm';
import type { ExecutionScope } from './executor.ts';

export type MergeContext = {
  /** The text with merge fields filled in; `html` escapes the values for an HTML body. */
  render(text: string, options?: { html?: boolean; locale?: Locale }): string;
  related: Readonly<Record<string, Record<string, unknown> | null>>;
};

const asId = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

/**
 * Loads what the merge fields of `texts` need (the related records they name and the users whose
 * names they show) in at most two queries, then renders any of those texts without I/O. The
 * fields quote the run's snapshot (`scope.snapshot`); the related records and users are read now.
 */
export async function mergeContext(scope: ExecutionScope, texts: readonly string[]): Promise<MergeContext> {
  const { db, org, record, snapshot } = scope;
  const module = org.catalog[record.module];
  const refs = texts.flatMap((text) => mergeFieldRefs(text));
  const referenceKeys = [...new Set(refs.map((ref) => ref.field))].filter(
    (key) => findField(module, key)?.type === 'reference',
  );
  const relatedIds = referenceKeys.flatMap((key) => asId(snapshot[key]) ?? []);
  const rows =
    relatedIds.length === 0
      ? []
      : await db
          .select({ id: records.id, data: records.data })
          .from(records)
          .where(and(eq(records.orgId, org.id), inArray(records.id, relatedIds)));
  const byId = new Map(rows.map((row) => [row.id, row.data]));
  const related: Record<string, Record<string, unknown> | null> = {};
  for (const key of referenceKeys) related[key] = byId.get(asId(snapshot[key]) ?? '') ?? null;

  const userIds = new Set<string>();
  for (const ref of refs) {
    const field = findField(module, ref.field);
    if (field?.type === 'user') userIds.add(asId(snapshot[ref.field]) ?? '');
    if (field?.type === 'reference' && ref.key) {
      const target = referencedModule({ catalog: org.catalog, module, refFieldKey: ref.field });
      if (target && findField(target, ref.key)?.type === 'user') {
        userIds.add(asId(related[ref.field]?.[ref.key]) ?? '');
      }
    }
  }
  userIds.delete('');
  const people =
    userIds.size === 0
      ? []
      : await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.orgId, org.id), inArray(users.id, [...userIds])));
  const directory: UserDirectory = Object.fromEntries(people.map((user) => [user.id, { name: user.name }]));
  return {
    related,
    render: (text, options = {}) =>
      renderMergeFields({
        text,
        record: snapshot,
        related,
        module,
        catalog: org.catalog,
        locale: options.locale ?? org.locale,
        timeZone: org.timeZone,
        html: options.html ?? false,
        users: directory,
      }),
  };
}
