import {
  allocationRules,
  type Executor,
  emailTemplates,
  printTemplates,
  providers,
  smsTemplates,
  users,
  znsTemplates,
} from '@crmflow/db';
import { ModuleKey, templatePlaceholder } from '@crmflow/flow';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';

const ProviderKind = z.enum(['email', 'sms', 'zns', 'webhook']);

/**
 * The graph with every placeholder given a value of the right shape (a web address for a
 * webhook, an id otherwise), so a template can be checked before any organization fills it.
 */
export function withSampleValues(value: unknown): unknown {
  const sample = (placeholder: string) =>
    placeholder.startsWith('{{webhook:') ? 'https://example.com/webhook' : 'sample-id';
  return replacePlaceholders(value, { get: sample });
}

/** The graph with each placeholder replaced by its value; one without a value becomes empty. */
export function replacePlaceholders(
  value: unknown,
  values: { get: (placeholder: string) => string | undefined },
): unknown {
  if (typeof value === 'string') return templatePlaceholder.test(value) ? (values.get(value) ?? '') : value;
  if (Array.isArray(value)) return value.map((item) => replacePlaceholders(item, values));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replacePlaceholders(item, values)]),
    );
  return value;
}

/**
 * The organization's id for one placeholder: its first template of the module, its first active
 * allocation rule of the module, its default provider of the kind. Null when it has none: the
 * workflow is then saved as a draft and validation points at the empty setting.
 */
export async function placeholderValue(args: {
  db: Executor;
  orgId: string;
  placeholder: string;
}): Promise<string | null> {
  const { db, orgId, placeholder } = args;
  const [, what = '', scope = ''] = templatePlaceholder.exec(placeholder) ?? [];
  const first = (rows: { id: string }[]) => rows[0]?.id ?? null;
  switch (what) {
    case 'printTemplate':
      return first(
        await db
          .select({ id: printTemplates.id })
          .from(printTemplates)
          .where(and(eq(printTemplates.orgId, orgId), eq(printTemplates.module, scope)))
          .orderBy(asc(printTemplates.createdAt))
          .limit(1),
      );
    case 'emailTemplate':
      return first(
        await db
          .select({ id: emailTemplates.id })
          .from(emailTemplates)
          .where(and(eq(emailTemplates.orgId, orgId), eq(emailTemplates.module, scope)))
          .orderBy(asc(emailTemplates.createdAt))
          .limit(1),
      );
    case 'smsTemplate':
      return first(
        await db
          .select({ id: smsTemplates.id })
          .from(smsTemplates)
          .where(and(eq(smsTemplates.orgId, orgId), eq(smsTemplates.module, scope)))
          .orderBy(asc(smsTemplates.createdAt))
          .limit(1),
      );
    case 'allocationRule': {
      const module = ModuleKey.safeParse(scope);
      if (!module.success) return null;
      return first(
        await db
          .select({ id: allocationRules.id })
          .from(allocationRules)
          .where(
            and(
              eq(allocationRules.orgId, orgId),
              eq(allocationRules.module, module.data),
              eq(allocationRules.active, true),
            ),
          )
          .orderBy(asc(allocationRules.createdAt))
          .limit(1),
      );
    }
    case 'znsTemplate': {
      const rows = await db
        .select({ id: znsTemplates.id, params: znsTemplates.params })
        .from(znsTemplates)
        .where(eq(znsTemplates.orgId, orgId))
        .orderBy(asc(znsTemplates.createdAt));
      const wanted = scope.split('__');
      const fits = rows.find(
        (row) =>
          row.params.length === wanted.length && row.params.every((param) => wanted.includes(param.key)),
      );
      return fits?.id ?? null;
    }
    case 'user':
      return first(
        await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.orgId, orgId), eq(users.active, true), ne(users.role, 'member')))
          .orderBy(asc(users.createdAt))
          .limit(1),
      );
    case 'provider': {
      const kind = ProviderKind.safeParse(scope);
      if (!kind.success) return null;
      return first(
        await db
          .select({ id: providers.id })
          .from(providers)
          .where(and(eq(providers.orgId, orgId), eq(providers.kind, kind.data)))
          .orderBy(desc(providers.isDefault), asc(providers.createdAt))
          .limit(1),
      );
    }
    default:
      return null;
  }
}
