import type { Db } from '@crmflow/db';
import { type EmailAttachment, loadMergeSource, mergeText, renderPrintDocument } from '@crmflow/engine';
import { Locale, type ModuleKey } from '@crmflow/flow';
import type { OrganizationRow } from '../auth/auth-context.ts';
import { assertKnownMergeFields, moduleCatalogOf } from '../message-templates/merge-field-check.ts';
import { findRecord } from '../records/records.service.ts';

type PreviewScope = {
  db: Db;
  organization: Pick<OrganizationRow, 'id' | 'locale' | 'timeZone'>;
  /** The caller's language, for the problems of the draft. */
  locale: Locale;
  module: ModuleKey;
  recordId: string;
};

/** The record the draft is tried on, as the engine would read it when it sends. */
async function sourceFor(scope: PreviewScope) {
  const { db, organization, module } = scope;
  const record = await findRecord({ db, orgId: organization.id, module, id: scope.recordId });
  const catalog = await moduleCatalogOf(db, organization.id);
  const source = await loadMergeSource({
    db,
    orgId: organization.id,
    module: catalog[module],
    catalog,
    locale: Locale.catch('vi').parse(organization.locale),
    timeZone: organization.timeZone,
    record: record.data,
  });
  return { source, catalog };
}

/**
 * An email draft — saved or not — filled for one record: the subject on one line, the body with
 * its values escaped, exactly as `send_email` renders it. Unknown merge fields are a 400 naming
 * the text, as when the template is saved.
 */
export async function previewEmail(
  scope: PreviewScope & { subject: string; body: string },
): Promise<{ subject: string; html: string }> {
  const { source, catalog } = await sourceFor(scope);
  assertKnownMergeFields({
    catalog,
    module: scope.module,
    locale: scope.locale,
    texts: [
      { field: 'subject', text: scope.subject },
      { field: 'body', text: scope.body },
    ],
  });
  return {
    subject: mergeText({ source, text: scope.subject, html: false }).replace(/\s+/g, ' ').trim(),
    html: mergeText({ source, text: scope.body, html: true }),
  };
}

/** A print template draft filled for one record, as the PDF (or HTML page) an email would attach. */
export async function previewPrint(
  scope: PreviewScope & { name: string; body: string; format: 'pdf' | 'html' },
): Promise<EmailAttachment> {
  const { source, catalog } = await sourceFor(scope);
  assertKnownMergeFields({
    catalog,
    module: scope.module,
    locale: scope.locale,
    texts: [{ field: 'body', text: scope.body, print: true }],
  });
  return renderPrintDocument({
    db: scope.db,
    orgId: scope.organization.id,
    source,
    template: { name: scope.name, body: scope.body },
    format: scope.format === 'pdf' ? 'pdf' : 'original',
  });
}
