import type { Workflow } from '@crmflow/contracts';
import type { PriorityDrag } from './usePriorityDrag.ts';

/** What the table and the summary cards both need to show and act on a list of workflows. */
export interface WorkflowViewProps {
  items: Workflow[];
  moduleLabel: (key: string) => string;
  triggerText: (workflow: Workflow) => string | null;
  timeZone: string | undefined;
  canManage: boolean;
  switchingId: string | undefined;
  cloning: boolean;
  /** Reordering is on: one module shown, no search, a manager or admin. */
  reorderable: boolean;
  drag: PriorityDrag;
  onToggle: (workflow: Workflow) => void;
  onClone: (workflow: Workflow) => void;
  onDelete: (workflow: Workflow) => void;
}
