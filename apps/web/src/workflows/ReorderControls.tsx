import type { Workflow } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { ArrowDownIcon, ArrowUpIcon, GripIcon } from './list-icons.tsx';
import type { PriorityDrag } from './usePriorityDrag.ts';

/** The drag handle for the mouse, and up/down buttons for the keyboard. */
export function ReorderControls(props: {
  workflow: Workflow;
  position: number;
  count: number;
  drag: PriorityDrag;
}) {
  const { workflow, position, count, drag } = props;
  const { t } = useTranslation();
  const name = workflow.name;
  return (
    <span className="reorder">
      <span
        className="reorder__handle"
        title={t('workflows.reorder.handle', { name })}
        data-testid="drag-handle"
      >
        <GripIcon />
      </span>
      <span className="reorder__position">{position + 1}</span>
      <button
        type="button"
        className="btn btn--ghost btn--sm btn--icon reorder__button"
        aria-label={t('workflows.reorder.up', { name })}
        disabled={position === 0}
        onClick={() => drag.move(workflow.id, -1)}
      >
        <ArrowUpIcon size={14} />
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--sm btn--icon reorder__button"
        aria-label={t('workflows.reorder.down', { name })}
        disabled={position === count - 1}
        onClick={() => drag.move(workflow.id, 1)}
      >
        <ArrowDownIcon size={14} />
      </button>
    </span>
  );
}
