import { ModuleKey } from '@crmflow/flow';
import { ZnsParam } from '@crmflow/flow/messaging';
import { z } from 'zod';

/** Email, SMS, ZNS and print templates (Mẫu tin nhắn, Mẫu in), and drafts tried on a record. */

export const TemplateName = z.string().trim().min(1).max(200);
/** HTML is stored as written: merge values are escaped when it is rendered, not here. */
export const HtmlBody = z.string().min(1).max(200_000);

const Timestamps = { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() };

export const EmailTemplateInput = z.object({
  module: ModuleKey,
  name: TemplateName,
  subject: z.string().trim().min(1).max(500).describe('Plain text; merge fields `#field` allowed'),
  body: HtmlBody.describe('HTML; merge fields allowed, their values are escaped when sent'),
});

export const EmailTemplate = EmailTemplateInput.extend({ id: z.uuid(), ...Timestamps }).describe(
  'An email template',
);
export type EmailTemplate = z.infer<typeof EmailTemplate>;

export const EmailTemplateList = z.object({ items: z.array(EmailTemplate) }).describe('The templates');

export const SmsTemplateInput = z.object({
  module: ModuleKey,
  name: TemplateName,
  body: z.string().trim().min(1).max(1600).describe('The message; merge fields `#field` allowed'),
});

export const SmsTemplate = SmsTemplateInput.extend({
  id: z.uuid(),
  length: z.number().int().describe('Septets (GSM-7) or UTF-16 units (UCS-2) of the text as written'),
  segments: z.number().int().describe('How many SMS the text as written is billed as'),
  encoding: z
    .enum(['GSM-7', 'UCS-2'])
    .describe('UCS-2 as soon as one character is not GSM-7 (Vietnamese accents)'),
  ...Timestamps,
}).describe('An SMS template; the counts are for the text before merge fields are filled');
export type SmsTemplate = z.infer<typeof SmsTemplate>;

export const SmsTemplateList = z.object({ items: z.array(SmsTemplate) }).describe('The templates');

export const ZnsTemplateInput = z.object({
  name: TemplateName,
  providerTemplateId: z.string().trim().min(1).max(100).describe('The id Zalo approved the template under'),
  params: z
    .array(ZnsParam)
    .max(50)
    .describe('The template’s params: key, type (text, number, date, money) and approved maximum length'),
});

export const ZnsTemplate = ZnsTemplateInput.extend({ id: z.uuid(), ...Timestamps }).describe(
  'A pre-approved Zalo ZNS template; flows map its params to fields',
);
export type ZnsTemplate = z.infer<typeof ZnsTemplate>;

export const ZnsTemplateList = z.object({ items: z.array(ZnsTemplate) }).describe('The templates');

export const PrintTemplateInput = z.object({
  module: ModuleKey,
  name: TemplateName,
  body: HtmlBody.describe(
    'HTML with merge fields; a `<tr data-each="lines">` row repeats per order line with `#line.index`, `#line.product_id`, `#line.product_id.<field>`, `#line.quantity`, `#line.price`, `#line.amount`',
  ),
});

export const PrintTemplate = PrintTemplateInput.extend({ id: z.uuid(), ...Timestamps }).describe(
  'A print template',
);
export type PrintTemplate = z.infer<typeof PrintTemplate>;

export const PrintTemplateList = z.object({ items: z.array(PrintTemplate) }).describe('The templates');

/** `POST /print-templates/:id/render`. */
export const PrintRenderBody = z.object({
  recordId: z.uuid(),
  format: z.enum(['pdf', 'html']).default('pdf'),
});

/** `POST /email-templates/preview`. */
export const EmailPreviewBody = z.object({
  module: ModuleKey,
  recordId: z.uuid(),
  subject: z.string().max(500),
  body: HtmlBody,
});

export const EmailPreview = z.object({ subject: z.string(), html: z.string() }).describe('The filled email');
export type EmailPreview = z.infer<typeof EmailPreview>;

/** `POST /print-templates/preview`. */
export const PrintPreviewBody = z.object({
  module: ModuleKey,
  recordId: z.uuid(),
  name: TemplateName.default('Mẫu in'),
  body: HtmlBody,
  format: z.enum(['pdf', 'html']).default('pdf'),
});
export type PrintPreviewBody = z.input<typeof PrintPreviewBody>;

/** `GET /zns-templates/from-provider`. */
export const ProviderTemplatesQuery = z.object({ providerId: z.uuid().optional() });

export const ProviderTemplates = z
  .object({
    provider: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('The ZNS provider asked'),
    supported: z.boolean().describe('Whether that provider can list its templates at all'),
    templates: z.array(
      z.object({
        id: z.string().describe('The id Zalo approved the template under'),
        name: z.string(),
        params: z.array(
          z.object({
            key: z.string(),
            type: z.enum(['text', 'number', 'date', 'money']),
            maxLength: z.number().int(),
          }),
        ),
      }),
    ),
    error: z.string().nullable().describe('Why the provider could not answer, in plain words'),
  })
  .describe('The OA’s approved ZNS templates, as the provider lists them');
export type ProviderTemplates = z.infer<typeof ProviderTemplates>;
