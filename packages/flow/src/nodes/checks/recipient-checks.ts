import { text } from '../../messages/catalogue.ts';
import type { FieldType, ModuleCatalog, ModuleMeta } from '../../metadata/field-meta.ts';
import type { ConfigIssue, SettingLabel, ValidationContext } from '../../validate/validation-error.ts';
import { checkFieldPath, checkKnownIds } from './field-checks.ts';

/** How problems name the recipients of a message; every messaging step declares these. */
export const recipientLabels: Readonly<Record<string, SettingLabel>> = {
  to: { ...text('label.recipients'), pick: true },
  'to.fields': { ...text('label.recipient_field'), pick: true },
  'to.users': { ...text('label.recipient_user'), pick: true },
  'to.addresses': text('label.recipient_address'),
};

/**
 * Recipients of a message: fields of the accepted types (on the record or a related record),
 * known users, and at least one recipient in all so the action has someone to reach.
 */
export function checkRecipients(args: {
  to: { fields: string[]; users: string[]; addresses?: string[] };
  module: ModuleMeta;
  catalog: ModuleCatalog;
  fieldTypes: readonly FieldType[];
  context: ValidationContext;
}): ConfigIssue[] {
  const { to, module, catalog, fieldTypes, context } = args;
  const issues = [
    ...to.fields.flatMap((key, index) =>
      checkFieldPath({ module, catalog, key, path: ['to', 'fields', index], types: fieldTypes }),
    ),
    ...checkKnownIds({ known: context.userIds, ids: to.users, path: ['to', 'users'], code: 'user_unknown' }),
  ];
  if (to.fields.length + to.users.length + (to.addresses?.length ?? 0) === 0) {
    issues.push({ path: ['to'], code: 'recipients_missing', message: text('config.recipients_missing') });
  }
  return issues;
}
