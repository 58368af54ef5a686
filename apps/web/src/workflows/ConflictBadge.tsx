import type { Workflow } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale.ts';
import '../styles/impact.css';

/** In the workflow list: how many conflict warnings a flow has, their explanations on hover. */
export function ConflictBadge({ workflow }: { workflow: Workflow }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const conflicts = workflow.conflicts ?? [];
  if (conflicts.length === 0) return null;
  const explanation = conflicts.map((conflict) => conflict.text[locale]).join('\n');
  return (
    <span
      className="badge badge--warning workflow-conflict-badge"
      title={explanation}
      data-testid="workflow-conflicts"
    >
      <span aria-hidden="true">⚠ </span>
      {t('conflicts.badge', { count: conflicts.length })}
      <span className="visually-hidden">: {explanation}</span>
    </span>
  );
}
