import type { ModuleKey, ValidationContext } from '@crmflow/flow';
import { useMemo } from 'react';
import { validationContextOf } from '../../api/workflow-resources.ts';
import { useEditorLists } from './useEditorLists.ts';

/** What the organization has that nodes point at, for live validation; memoised on the lists. */
export function useValidationContext(module: ModuleKey): ValidationContext {
  const { users, providers, emailTemplates, smsTemplates, printTemplates, znsTemplates, allocationRules } =
    useEditorLists(module);
  const userIds = users?.map((user) => user.id);
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
