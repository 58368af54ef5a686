import type { ProviderTemplates } from '@crmflow/contracts';
import { type Db, providers } from '@crmflow/db';
import { type ListedZnsTemplate, providerFor } from '@crmflow/engine';
import { render } from '@crmflow/flow';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/locale.ts';
import { findProvider } from '../providers/providers.service.ts';

/**
 * The approved templates of a ZNS provider (the given one, else the organization's default,
 * else its first): what the "import from provider" button offers. A provider that cannot list
 * them, or that fails to, is an answer in plain words, not an error status.
 */
export async function providerZnsTemplates(args: {
  db: Db;
  orgId: string;
  providerId?: string | undefined;
  secretKey: Buffer;
  locale: Locale;
}): Promise<ProviderTemplates> {
  const { db, orgId, locale } = args;
  const row = args.providerId
    ? await findProvider({ db, orgId, id: args.providerId })
    : (
        await db
          .select()
          .from(providers)
          .where(and(eq(providers.orgId, orgId), eq(providers.kind, 'zns')))
          .orderBy(desc(providers.isDefault), asc(providers.createdAt))
          .limit(1)
      )[0];
  const answer = (fields: Partial<ProviderTemplates>): ProviderTemplates => ({
    provider: row ? { id: row.id, name: row.name } : null,
    supported: false,
    templates: [],
    error: null,
    ...fields,
  });
  if (row?.kind !== 'zns') return answer({ error: render(locale, 'settings.zns_no_provider') });
  const lookup = providerFor({ row, secretKey: args.secretKey });
  if (!lookup.ok)
    return answer({ error: `${render(locale, 'settings.provider_misconfigured')}: ${lookup.error}` });
  if (lookup.kind !== 'zns' || !lookup.provider.listTemplates)
    return answer({ error: render(locale, 'settings.zns_cannot_list') });
  const listed = await lookup.provider.listTemplates();
  if (!listed.ok) {
    const problem = render(locale, `settings.provider_${listed.code}`);
    return answer({ supported: true, error: `${problem}: ${listed.error}` });
  }
  return answer({ supported: true, templates: listed.templates satisfies ListedZnsTemplate[] });
}
