import type { Db } from '@crmflow/db';
import { expandLineRows, unknownLineKeys } from '@crmflow/engine';
import {
  findUnknownMergeFields,
  type ModuleCatalog,
  type ModuleKey,
  moduleLabel,
  referencedModule,
  render,
  standardModules,
  type UnknownMergeField,
} from '@crmflow/flow';
import { AppError, type ErrorDetail } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { listModules } from '../modules/modules.service.ts';

/** The organization's modules with their fields, custom ones included. */
export async function moduleCatalogOf(db: Db, orgId: string): Promise<ModuleCatalog> {
  const catalog: ModuleCatalog = { ...standardModules };
  for (const module of await listModules(db, orgId)) catalog[module.key] = module;
  return catalog;
}

/** A text of a template that may hold merge fields, named as the request names it. */
export type MergeText = { field: string; text: string; print?: boolean };

function describe(args: {
  problem: UnknownMergeField;
  catalog: ModuleCatalog;
  module: ModuleKey;
  locale: Locale;
}) {
  const { problem, catalog, locale } = args;
  const module = catalog[args.module];
  const { raw, field, key } = problem;
  if (problem.reason === 'field_unknown') {
    const label = { vi: module.labelVi, en: module.labelEn };
    return render(locale, 'request.merge_field_unknown', { raw, module: label, field });
  }
  if (problem.reason === 'not_reference')
    return render(locale, 'request.merge_field_not_reference', { raw, field });
  const target = referencedModule({ catalog, module, refFieldKey: field });
  const name = target ? moduleLabel(target, locale) : field;
  return render(locale, 'request.merge_field_unknown', { raw, module: name, field: String(key) });
}

/** The problems of one text: merge fields naming nothing, and for print templates unknown `#line.…`. */
function problemsOf(args: {
  text: MergeText;
  catalog: ModuleCatalog;
  module: ModuleKey;
  locale: Locale;
}): ErrorDetail[] {
  const { text, catalog, module, locale } = args;
  // Line placeholders are filled per order line before merging, so they are checked on their own.
  const outsideLines = text.print
    ? expandLineRows({ html: text.text, lines: [{}], format: () => '' })
    : text.text;
  const details = findUnknownMergeFields({ text: outsideLines, module: catalog[module], catalog }).map(
    (problem) => ({ field: text.field, message: describe({ problem, catalog, module, locale }) }),
  );
  if (!text.print) return details;
  for (const key of unknownLineKeys({ html: text.text, catalog })) {
    details.push({
      field: text.field,
      message: render(locale, 'request.merge_line_unknown', { key }),
    });
  }
  return details;
}

/**
 * Refuses (400, one detail per unknown merge field, naming the text that holds it) texts whose
 * merge fields name no field of the module or of the record a reference points at.
 */
export function assertKnownMergeFields(args: {
  texts: MergeText[];
  catalog: ModuleCatalog;
  module: ModuleKey;
  locale: Locale;
}): void {
  const details = args.texts.flatMap((text) => problemsOf({ ...args, text }));
  if (details.length > 0) throw new AppError('invalid_input', { details });
}
