import type { ProviderKind } from '@crmflow/db';
import { text } from '@crmflow/flow';
import type { ExecutionScope } from '../executor.ts';
import { findProviderRow, SYSTEM_EMAIL_PROVIDER } from './message-provider.ts';

export type ProviderSummary = { id: string | null; name: string; adapter: string };

const systemName = text('advice.system_email');

/**
 * The provider a step would send through, named for the test panel; nothing is decrypted or
 * contacted. A provider that does not exist is the reason the step could not run.
 */
export async function previewProvider(args: {
  scope: ExecutionScope;
  kind: ProviderKind;
  ref: string;
}): Promise<
  { ok: true; provider: ProviderSummary; config?: Record<string, unknown> } | { ok: false; reason: string }
> {
  const { scope, kind, ref } = args;
  const locale = scope.org.locale;
  const system = { ok: true as const, provider: { id: null, name: systemName[locale], adapter: 'system' } };
  if (kind === 'email' && ref === SYSTEM_EMAIL_PROVIDER) return system;
  const row = await findProviderRow({ db: scope.db, orgId: scope.org.id, kind, ref });
  if (row) {
    return { ok: true, provider: { id: row.id, name: row.name, adapter: row.adapter }, config: row.config };
  }
  if (kind === 'email' && ref === '') return system;
  return {
    ok: false,
    reason:
      locale === 'en'
        ? ref === ''
          ? `No ${kind} provider chosen and no default one`
          : `The ${kind} provider ${ref} does not exist`
        : ref === ''
          ? `Chưa chọn nhà cung cấp ${kind} và chưa có nhà cung cấp mặc định`
          : `Không tìm thấy nhà cung cấp ${kind} ${ref}`,
  };
}
