import { z } from 'zod';

/** Pieces of config shared by several node types; each keeps the contract's key names. */
export const FieldKey = z.string().regex(/^[a-z_][a-z0-9_]*$/);

/** A field of the record, or of a related record through a reference: `contact_id.email`. */
export const FieldPath = z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/);

export const ActionName = z.string().min(1).max(200);

export const EntityId = z.string().min(1).max(200);

/**
 * Recipients taken from fields (user, email or phone fields of the record or of a related
 * record, `contact_id.email`) and chosen users.
 */
export const Recipients = z.object({
  fields: z.array(FieldPath).default([]),
  users: z.array(EntityId).default([]),
});
export type Recipients = z.infer<typeof Recipients>;

export const EmailRecipients = Recipients.extend({
  /** Addresses typed in for people who are not users of the CRM. */
  addresses: z.array(z.email()).default([]),
});
export type EmailRecipients = z.infer<typeof EmailRecipients>;

/** A print template rendered for the record, sent as PDF or in the template's own format. */
export const PrintAttachment = z.object({
  printTemplateId: EntityId,
  format: z.enum(['pdf', 'original']),
});
export type PrintAttachment = z.infer<typeof PrintAttachment>;

/** A value typed into a form: text, number, yes/no, a set of picklist values, or empty. */
export const LiteralValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type LiteralValue = z.infer<typeof LiteralValue>;
