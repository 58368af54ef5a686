import type { Db } from '@crmflow/db';
import { type EmailAttachment, loadMergeSource, renderPrintDocument } from '@crmflow/engine';
import { Locale, ModuleKey } from '@crmflow/flow';
import type { OrganizationRow } from '../auth/auth-context.ts';
import { findRecord } from '../records/records.service.ts';
import { moduleCatalogOf } from './merge-field-check.ts';
import { findPrintTemplate } from './print-templates.service.ts';

/**
 * A print template filled for one record of its module, exactly as an email would attach it:
 * order lines expanded, merge fields in the organization's language and time zone, then PDF
 * (Vietnamese text embedded) or the HTML page itself.
 */
export async function renderPrintTemplateFor(args: {
  db: Db;
  organization: Pick<OrganizationRow, 'id' | 'locale' | 'timeZone'>;
  templateId: string;
  recordId: string;
  format: 'pdf' | 'html';
}): Promise<EmailAttachment> {
  const { db, organization } = args;
  const orgId = organization.id;
  const template = await findPrintTemplate({ db, orgId, id: args.templateId });
  const module = ModuleKey.parse(template.module);
  const record = await findRecord({ db, orgId, module, id: args.recordId });
  const catalog = await moduleCatalogOf(db, orgId);
  const source = await loadMergeSource({
    db,
    orgId,
    module: catalog[module],
    catalog,
    locale: Locale.catch('vi').parse(organization.locale),
    timeZone: organization.timeZone,
    record: record.data,
  });
  return renderPrintDocument({
    db,
    orgId,
    source,
    template,
    format: args.format === 'pdf' ? 'pdf' : 'original',
  });
}
