import { standardModules } from '@crmflow/flow';
import { z } from 'zod';
import type { Executor } from '../connection.ts';
import { fields } from '../schema/records.ts';
import { organizations } from '../schema/tenancy.ts';

/** Vietnamese first (docs/product.md): what an organization gets when it does not say otherwise. */
export const organizationDefaults = { timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi' } as const;

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

export const CreateOrganizationInput = z.object({
  name: z.string().trim().min(1).max(200),
  timeZone: z.string().refine(isTimeZone, 'Unknown time zone').default(organizationDefaults.timeZone),
  locale: z.enum(['vi', 'en']).default(organizationDefaults.locale),
});
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

export type OrganizationRow = typeof organizations.$inferSelect;

/**
 * Inserts an organization with the standard modules' system fields, in declaration order.
 * Run it inside the caller's transaction so a failed sign-up leaves no half-made tenant.
 */
export async function createOrganization(
  tx: Executor,
  input: CreateOrganizationInput,
): Promise<OrganizationRow> {
  const { name, timeZone, locale } = CreateOrganizationInput.parse(input);
  const [organization] = await tx.insert(organizations).values({ name, timeZone, locale }).returning();
  if (!organization) throw new Error('The organization was not inserted');
  const rows = Object.values(standardModules).flatMap((module) =>
    module.fields.map((field, position) => ({
      orgId: organization.id,
      module: module.key,
      key: field.key,
      labelVi: field.labelVi,
      labelEn: field.labelEn,
      type: field.type,
      options: field.options,
      refModule: field.refModule,
      required: field.required,
      system: true,
      position,
    })),
  );
  await tx.insert(fields).values(rows);
  return organization;
}
