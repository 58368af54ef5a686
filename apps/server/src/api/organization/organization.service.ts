import type { OrganizationChanges, OrganizationSettings } from '@crmflow/contracts';
import { type Db, type OrgSettings, organizations } from '@crmflow/db';
import { render } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';

/** Days kept when the organization has not chosen (run history: the cleanup job's own default). */
export const retentionDefaults = { runRetentionDays: 30, historyRetentionDays: 180 } as const;

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
