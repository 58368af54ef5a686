import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workflow } from '../api/workflow-schemas.ts';

export interface StatusSwitchProps {
  workflow: Workflow;
  /** Managers and admins switch; members see the state and why they cannot change it. */
  canManage: boolean;
  busy: boolean;
  onToggle: (workflow: Workflow) => void;
}

/** The Trạng thái column: on means active. */
export function StatusSwitch({ workflow, canManage, busy, onToggle }: StatusSwitchProps) {
  const { t } = useTranslation();
  const reasonId = useId();
  const active = workflow.status === 'active';
  return (
    <span className="status-switch" title={canManage ? undefined : t('workflows.managersOnly')}>
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={active}
        aria-label={t('workflows.switchLabel', { name: workflow.name })}
        aria-describedby={canManage ? undefined : reasonId}
        aria-busy={busy || undefined}
        disabled={!canManage || busy}
        onClick={() => onToggle(workflow)}
      >
        <span className="switch__thumb" aria-hidden="true" />
      </button>
      <span className={active ? 'status-switch__text is-active' : 'status-switch__text'}>
        {t(`workflows.status.${workflow.status}`)}
      </span>
      {canManage ? null : (
        <span id={reasonId} className="visually-hidden">
          {t('workflows.managersOnly')}
        </span>
      )}
    </span>
  );
}
