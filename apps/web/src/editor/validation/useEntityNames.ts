import type { ModuleKey } from '@crmflow/flow';
import { useEffect, useMemo } from 'react';
import { useUsers } from '../../api/users.ts';
import { useAllocationRules, useMessageTemplates, useZnsTemplates } from '../../api/workflow-resources.ts';
import { useCanvasViewStore } from '../EditorProvider.tsx';

/** Ids of the organization's users, templates and allocation rules with their names. */
export function entityNames(
  lists: readonly (readonly { id: string; name: string }[])[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of lists) for (const item of list) names.set(item.id, item.name);
  return names;
}

/**
 * Gives the canvas the names of what nodes point at, so a step reads "cho Nguyễn Văn An" or
 * "mẫu email "Xác nhận đơn hàng"" instead of an id. The lists are the pickers' own, cached.
 */
export function useEntityNames(module: ModuleKey): void {
  const view = useCanvasViewStore();
  const users = useUsers();
  const emailTemplates = useMessageTemplates({ kind: 'email', module });
  const smsTemplates = useMessageTemplates({ kind: 'sms', module });
  const znsTemplates = useZnsTemplates();
  const allocationRules = useAllocationRules(module);
  const names = useMemo(
    () =>
      entityNames([
        users.data ?? [],
        emailTemplates.items,
        smsTemplates.items,
        znsTemplates.items,
        allocationRules.items,
      ]),
    [users.data, emailTemplates.items, smsTemplates.items, znsTemplates.items, allocationRules.items],
  );
  const key = JSON.stringify([...names]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key holds every id and name.
  useEffect(() => {
    view.setState({ names });
  }, [view, key]);
}
