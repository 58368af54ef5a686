import type { ActiveLimit } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { ACTIVE_LIMIT } from '../api/workflow-lists.ts';

/** "Đã kích hoạt 7/10" per module shown, so a manager sees the room left before switching on. */
export function ActiveLimits(props: {
  modules: string[];
  limits: Record<string, ActiveLimit>;
  moduleLabel: (key: string) => string;
}) {
  const { t } = useTranslation();
  if (props.modules.length === 0) return null;
  return (
    <ul className="active-limits" aria-label={t('workflows.limits')}>
      {props.modules.map((module) => {
        const limit = props.limits[module] ?? { active: 0, max: ACTIVE_LIMIT };
        const full = limit.active >= limit.max;
        return (
          <li
            key={module}
            className={full ? 'active-limit is-full' : 'active-limit'}
            data-testid="active-count"
            data-module={module}
            title={full ? t('workflows.limitFull', { max: limit.max }) : undefined}
          >
            <span className="active-limit__module">{props.moduleLabel(module)}</span>
            <span>{t('workflows.activeCount', { active: limit.active, max: limit.max })}</span>
          </li>
        );
      })}
    </ul>
  );
}
