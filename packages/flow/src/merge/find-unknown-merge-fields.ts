import { findField, referencedModule } from '../metadata/field-lookup.ts';
import type { ModuleCatalog, ModuleMeta } from '../metadata/field-meta.ts';
import { type MergeFieldRef, mergeFieldRefs } from './parse-merge-fields.ts';

/** Why a merge field cannot be filled: no such field, a `.key` on a non-reference, no such key. */
export type UnknownMergeFieldReason = 'field_unknown' | 'not_reference' | 'key_unknown';

export interface UnknownMergeField extends MergeFieldRef {
  reason: UnknownMergeFieldReason;
}

/** The merge fields of `text` that name nothing on the module or its referenced modules. */
export function findUnknownMergeFields(args: {
  text: string;
  module: ModuleMeta;
  catalog: ModuleCatalog;
}): UnknownMergeField[] {
  const { text, module, catalog } = args;
  return mergeFieldRefs(text).flatMap((ref): UnknownMergeField[] => {
    const field = findField(module, ref.field);
    if (!field) return [{ ...ref, reason: 'field_unknown' }];
    if (ref.key === null) return [];
    const target = referencedModule({ catalog, module, refFieldKey: ref.field });
    if (!target) return [{ ...ref, reason: 'not_reference' }];
    return findField(target, ref.key) ? [] : [{ ...ref, reason: 'key_unknown' }];
  });
}
