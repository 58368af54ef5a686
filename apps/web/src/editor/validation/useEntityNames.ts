import type { ModuleKey } from '@crmflow/flow';
import { useEffect } from 'react';
import { useCanvasViewStore } from '../EditorProvider.tsx';
import { useEditorLists } from './useEditorLists.ts';

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
  const lists = useEditorLists(module);
  const names = entityNames([
    lists.users ?? [],
    lists.emailTemplates.items,
    lists.smsTemplates.items,
    lists.znsTemplates.items,
    lists.allocationRules.items,
  ]);
  const key = JSON.stringify([...names]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key holds every id and name.
  useEffect(() => {
    view.setState({ names });
  }, [view, key]);
}
