import type { Organization, User } from '@crmflow/contracts';
import type { organizations, users } from '@crmflow/db';
import { Locale } from '../../i18n/locale.ts';

export type UserRow = typeof users.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;

/** The caller of a request: who, in which organization, and through which credential. */
export type AuthContext = {
  user: UserRow;
  organization: OrganizationRow;
  via: 'session' | 'token';
  /** Set when the caller signed in with a session (cookie, or its token as a bearer). */
  sessionId: string | null;
};

export function toUser(row: UserRow): User {
  const locale = Locale.safeParse(row.locale);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    locale: locale.success ? locale.data : null,
    phone: row.phone,
  };
}

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    locale: row.locale,
    settings: { ...row.settings },
  };
}
