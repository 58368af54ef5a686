import type { WorkflowKind } from '@crmflow/flow';
import { useState } from 'react';
import { z } from 'zod';

export const ViewMode = z.enum(['table', 'cards']);
export type ViewMode = z.infer<typeof ViewMode>;

const storageKey = (kind: WorkflowKind) => `crmflow.workflowView.${kind}`;

/** Care processes open as summary cards, as users know them; workflows as a table (cards on a phone). */
const defaults: Record<WorkflowKind, ViewMode> = { event: 'table', schedule: 'cards' };
const onPhone = () => globalThis.matchMedia?.('(max-width: 640px)').matches === true;

/** The table / summary choice, remembered on this browser per kind of workflow. */
export function useViewMode(kind: WorkflowKind): [ViewMode, (mode: ViewMode) => void] {
  const [mode, setMode] = useState<ViewMode>(() => {
    const stored = ViewMode.safeParse(globalThis.localStorage?.getItem(storageKey(kind)));
    return stored.success ? stored.data : onPhone() ? 'cards' : defaults[kind];
  });
  const choose = (next: ViewMode) => {
    globalThis.localStorage?.setItem(storageKey(kind), next);
    setMode(next);
  };
  return [mode, choose];
}
