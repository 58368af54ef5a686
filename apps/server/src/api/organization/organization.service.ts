import { type Db, type OrgSettings, organizations } from '@crmflow/db';
import { render } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';

/** Days kept when the organization has not chosen (run history: the cleanup job's own default). */
export const retentionDefaults = { runRetentionDays: 30, historyRetentionDays: 180 } as const;

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

type OrganizationRow = typeof organizations.$inferSelect;

export function toOrganizationSettings(row: OrganizationRow): OrganizationSettings {
  const { settings } = row;
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    locale: row.locale === 'en' ? 'en' : 'vi',
    leapDay: settings.leapDayRule === 'mar1' ? 'mar1' : 'feb28',
    allowPrivateNetwork: settings.allowPrivateNetwork === true,
    runRetentionDays: settings.runRetentionDays ?? retentionDefaults.runRetentionDays,
    historyRetentionDays: settings.historyRetentionDays ?? retentionDefaults.historyRetentionDays,
  };
}

/** Whether the runtime knows the IANA zone (Intl throws a RangeError for names it does not). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

export async function findOrganization(db: Db, orgId: string): Promise<OrganizationRow> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Applies the changes in one statement: columns and the settings document together, or nothing. */
export async function updateOrganization(args: {
  db: Db;
  auth: AuthContext;
  changes: OrganizationChanges;
  locale: Locale;
}): Promise<OrganizationRow> {
  const { db, auth, changes, locale } = args;
  if (changes.timeZone !== undefined && !isKnownTimeZone(changes.timeZone)) {
    throw new AppError('invalid_input', {
      details: [
        {
          field: 'timeZone',
          message: render(locale, 'request.time_zone', { zone: changes.timeZone }),
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, auth.organization.id))
      .for('update');
    if (!current) throw new AppError('not_found');
    const settings: OrgSettings = { ...current.settings };
    if (changes.leapDay !== undefined) settings.leapDayRule = changes.leapDay;
    if (changes.allowPrivateNetwork !== undefined) settings.allowPrivateNetwork = changes.allowPrivateNetwork;
    if (changes.runRetentionDays !== undefined) settings.runRetentionDays = changes.runRetentionDays;
    if (changes.historyRetentionDays !== undefined)
      settings.historyRetentionDays = changes.historyRetentionDays;
    const [row] = await tx
      .update(organizations)
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.timeZone === undefined ? {} : { timeZone: changes.timeZone }),
        ...(changes.locale === undefined ? {} : { locale: changes.locale }),
        settings,
      })
      .where(eq(organizations.id, current.id))
      .returning();
    if (!row) throw new AppError('not_found');
    await audit(tx, {
      orgId: row.id,
      actorId: auth.user.id,
      action: 'organization.update',
      entity: 'organization',
      entityId: row.id,
      details: { changed: Object.keys(changes) },
    });
    return row;
  });
}
