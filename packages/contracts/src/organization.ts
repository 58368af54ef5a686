import { Locale } from '@crmflow/flow';
import { z } from 'zod';

const RetentionDays = z.number().int().min(1).max(3650);

export const OrganizationSettings = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timeZone: z.string().describe('IANA time zone: dates and care processes are read in it'),
    locale: Locale.describe('The default language of the organization'),
    leapDay: z.enum(['feb28', 'mar1']).describe('Where 29 February falls in common years'),
    allowPrivateNetwork: z
      .boolean()
      .describe('Whether outbound calls may reach private, loopback and link-local addresses'),
    runRetentionDays: RetentionDays.describe('Days run history is kept'),
    historyRetentionDays: RetentionDays.describe('Days record-change history is kept'),
  })
  .describe('The organization’s settings');
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

export const OrganizationChanges = z
  .object({
    name: z.string().trim().min(1).max(200),
    timeZone: z.string().trim().min(1).max(100),
    locale: Locale,
    leapDay: z.enum(['feb28', 'mar1']),
    allowPrivateNetwork: z.boolean(),
    runRetentionDays: RetentionDays,
    historyRetentionDays: RetentionDays,
  })
  .partial()
  .strict();
export type OrganizationChanges = z.infer<typeof OrganizationChanges>;
