import type { Workflow } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { ReasonTip } from '../components/ReasonTip.tsx';

export interface StatusSwitchProps {
  workflow: Workflow;
  /** Managers and admins switch; members see the state and why they cannot change it. */
  canManage: boolean;
  busy: boolean;
  onToggle: (workflow: Workflow) => void;
}

/** The Trạng thái column: on means active; members see why they cannot switch it. */
export function StatusSwitch({ workflow, canManage, busy, onToggle }: StatusSwitchProps) {
  const { t } = useTranslation();
  const active = workflow.status === 'active';
  return (
    <span className="status-switch">
      <ReasonTip reason={canManage ? null : t('workflows.managersOnly')}>
        {(unavailable) => (
          <button
            type="button"
            role="switch"
            className="switch"
            aria-checked={active}
            aria-label={t('workflows.switchLabel', { name: workflow.name })}
            aria-busy={busy || undefined}
            disabled={busy}
            {...unavailable}
            onClick={() => {
              if (canManage) onToggle(workflow);
            }}
          >
            <span className="switch__thumb" aria-hidden="true" />
          </button>
        )}
      </ReasonTip>
      <span className={active ? 'status-switch__text is-active' : 'status-switch__text'}>
        {t(`workflows.status.${workflow.status}`)}
      </span>
    </span>
  );
}
