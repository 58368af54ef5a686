import { z } from 'zod';

/** Providers: email servers, SMS gateways, Zalo ZNS, webhook endpoints and the work app. */

export const ProviderKind = z.enum(['email', 'sms', 'zns', 'webhook', 'workapp']);
export type ProviderKind = z.infer<typeof ProviderKind>;

const Settings = z.record(z.string(), z.unknown());
const ProviderName = z.string().trim().min(1).max(200);

export const ProviderView = z
  .object({
    id: z.uuid(),
    kind: ProviderKind,
    adapter: z.string(),
    name: z.string(),
    config: Settings.describe('Settings that are not secret'),
    hasSecrets: z.boolean().describe('Whether secrets are stored; they are never returned'),
    isDefault: z.boolean().describe('The organization’s default provider of its kind'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .describe('A provider of email, SMS, Zalo ZNS or webhooks');
export type ProviderView = z.infer<typeof ProviderView>;

/** `GET /providers`. */
export const ProviderListQuery = z.object({ kind: ProviderKind.optional() });

export const ProviderList = z.object({ items: z.array(ProviderView) }).describe('The providers');
export type ProviderList = z.infer<typeof ProviderList>;

/** `POST /providers`. */
export const NewProvider = z.object({
  kind: ProviderKind,
  adapter: z.string().trim().min(1).max(40),
  name: ProviderName,
  config: Settings.default({}),
  secrets: Settings.optional(),
  isDefault: z.boolean().optional(),
});
export type NewProvider = z.input<typeof NewProvider>;

export const CreatedProvider = ProviderView.extend({
  signingSecret: z
    .string()
    .optional()
    .describe('Webhook endpoints: the new signing secret, shown this once and never again'),
}).describe('The new provider');
export type CreatedProvider = z.infer<typeof CreatedProvider>;

/** `PATCH /providers/:id`. */
export const ProviderChanges = z.object({
  name: ProviderName.optional(),
  config: Settings.optional(),
  secrets: Settings.nullable().optional(),
  isDefault: z.boolean().optional(),
});
export type ProviderChanges = z.input<typeof ProviderChanges>;

/** `POST /providers/:id/signing-secret`. */
export const RotatedSigningSecret = CreatedProvider.required({ signingSecret: true }).describe(
  'The endpoint with its new secret',
);

/** `POST /providers/:id/test`. */
export const ProviderTestBody = z.object({
  to: z
    .string()
    .trim()
    .max(2000)
    .default('')
    .describe(
      'An email address, a phone number or a webhook URL (default: the webhook endpoint’s own); a work app is always asked at its own address',
    ),
  templateId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('ZNS only: the template id approved by the provider'),
  params: z.record(z.string(), z.string().max(500)).optional().describe('ZNS only: the template’s params'),
});
export type ProviderTestBody = z.infer<typeof ProviderTestBody>;

export const ProviderTestResult = z
  .object({
    status: z.enum(['sent', 'captured', 'failed']),
    outboxId: z.uuid(),
    code: z.string().nullable().describe('Why it failed (see the outbox failure codes)'),
    error: z.string().nullable().describe('The provider’s own words'),
    answer: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('What the provider answered (SMTP reply, HTTP status and body)'),
  })
  .describe('What the provider did with the test message');
export type ProviderTestResult = z.infer<typeof ProviderTestResult>;
