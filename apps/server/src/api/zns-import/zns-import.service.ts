import { type Db, providers } from '@crmflow/db';
import { type ListedZnsTemplate, providerFor } from '@crmflow/engine';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '../../i18n/locale.ts';
import { findProvider } from '../providers/providers.service.ts';

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

const words = {
  none: {
    vi: 'Chưa có nhà cung cấp Zalo ZNS nào. Hãy thêm một nhà cung cấp trước.',
    en: 'There is no Zalo ZNS provider yet. Add one first.',
  },
  unsupported: {
    vi: 'Nhà cung cấp này không liệt kê được mẫu ZNS; hãy nhập mã mẫu và tham số bằng tay.',
    en: 'This provider cannot list ZNS templates; enter the template id and params by hand.',
  },
  unreachable: { vi: 'Không kết nối được tới nhà cung cấp', en: 'Could not reach the provider' },
  rejected: { vi: 'Nhà cung cấp từ chối yêu cầu', en: 'The provider refused the request' },
  bad_answer: {
    vi: 'Nhà cung cấp trả lời không đúng định dạng',
    en: 'The provider answered in an unexpected form',
  },
  misconfigured: { vi: 'Thiết lập nhà cung cấp chưa đúng', en: 'The provider is not set up correctly' },
} as const;

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
  if (row?.kind !== 'zns') return answer({ error: words.none[locale] });
  const lookup = providerFor({ row, secretKey: args.secretKey });
  if (!lookup.ok) return answer({ error: `${words.misconfigured[locale]}: ${lookup.error}` });
  if (lookup.kind !== 'zns' || !lookup.provider.listTemplates)
    return answer({ error: words.unsupported[locale] });
  const listed = await lookup.provider.listTemplates();
  if (!listed.ok) return answer({ supported: true, error: `${words[listed.code][locale]}: ${listed.error}` });
  return answer({ supported: true, templates: listed.templates satisfies ListedZnsTemplate[] });
}
