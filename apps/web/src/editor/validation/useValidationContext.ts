import type { ModuleKey, ValidationContext } from '@crmflow/flow';
import { useMemo } from 'react';
import { useUsers } from '../../api/users.ts';
import {
  useAllocationRules,
  useMessageTemplates,
  useProviders,
  useZnsTemplates,
  validationContextOf,
} from '../../api/workflow-resources.ts';

/** What the organization has that nodes point at, for live validation; memoised on the lists. */
export function useValidationContext(module: ModuleKey): ValidationContext {
  const users = useUsers();
  const providers = useProviders();
  const emailTemplates = useMessageTemplates({ kind: 'email', module });
  const smsTemplates = useMessageTemplates({ kind: 'sms', module });
  const printTemplates = useMessageTemplates({ kind: 'print', module });
  const znsTemplates = useZnsTemplates();
  const allocationRules = useAllocationRules(module);
  const userIds = users.data?.map((user) => user.id);
  const key = JSON.stringify([
    userIds,
    [providers, emailTemplates, smsTemplates, printTemplates, znsTemplates, allocationRules].map((list) => [
      list.known,
      list.items.map((item) => item.id),
    ]),
  ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key holds every id the context is made of.
  return useMemo(
    () =>
      validationContextOf({
        userIds,
        providers,
        emailTemplates,
        smsTemplates,
        printTemplates,
        znsTemplates,
        allocationRules,
      }),
    [key],
  );
}
