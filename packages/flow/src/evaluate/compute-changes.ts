import { defaultTimeZone } from '../metadata/field-lookup.ts';
import type { ModuleCatalog, ModuleKey } from '../metadata/field-meta.ts';
import { changedFields } from '../records/changed-fields.ts';

type RecordData = Readonly<Record<string, unknown>>;

/**
 * The field keys an operation changed, as triggers and `changed*` operators see them. A create
 * (`before` null) and a delete (`after` null) change every field of the module (docs/semantics.md, Event triggers);
 * an edit changes the fields whose normalised values differ, so writing a field's current
 * value, `"1000"` over `1000`, or the same set in another order is no change.
 */
export function computeChanges(args: {
  module: ModuleKey;
  catalog: ModuleCatalog;
  before: RecordData | null;
  after: RecordData | null;
  timeZone?: string;
}): string[] {
  const { fields } = args.catalog[args.module];
  if (args.before === null || args.after === null) return fields.map((field) => field.key);
  return changedFields({
    fields,
    before: args.before,
    after: args.after,
    timeZone: args.timeZone ?? defaultTimeZone,
  });
}
