import type { FlowConflict } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale.ts';
import '../../styles/lists.css';
import '../../styles/impact.css';

/**
 * The conflicts of the saved flow with the organization's active flows, as warnings above the
 * canvas: the explanation in the user's language and, for a loop, its chain of flows, each a
 * link. Recomputed by the server on every save and activation.
 */
export function ConflictWarnings({
  conflicts,
  selfId,
}: {
  conflicts: readonly FlowConflict[];
  selfId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (conflicts.length === 0) return null;
  return (
    <section
      className="alert alert--warning conflict-warnings"
      aria-label={t('conflicts.title', { count: conflicts.length })}
      data-testid="conflict-warnings"
    >
      <div className="alert__body">
        <strong>{t('conflicts.title', { count: conflicts.length })}</strong>
        <ul>
          {conflicts.map((conflict) => (
            <li
              key={`${conflict.kind}:${conflict.kind === 'same_field' ? conflict.otherWorkflowId : ''}:${conflict.text.en}`}
              data-testid={`conflict-${conflict.kind}`}
            >
              <span className="badge badge--warning">{t(`conflicts.kind.${conflict.kind}`)}</span>{' '}
              {conflict.text[locale]}
              {conflict.kind === 'cycle' ? (
                <ol className="conflict-chain" aria-label={t('conflicts.chain')}>
                  {conflict.chain.map((step) => (
                    <li key={`${step.workflowId}:${step.nodeId}`}>
                      <StepName step={step} selfId={selfId} />
                    </li>
                  ))}
                  {conflict.chain[0] ? (
                    <li key="back">
                      <StepName step={conflict.chain[0]} selfId={selfId} />
                    </li>
                  ) : null}
                </ol>
              ) : null}
              {conflict.kind === 'same_field' && conflict.otherWorkflowId ? (
                <>
                  {' '}
                  <Link to={`/workflows/${conflict.otherWorkflowId}`}>{t('conflicts.open')}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** A flow of a loop's chain: this one in bold, the others as links to them. */
function StepName({ step, selfId }: { step: { workflowId: string; workflowName: string }; selfId: string }) {
  return step.workflowId === selfId ? (
    <strong>{step.workflowName}</strong>
  ) : (
    <Link to={`/workflows/${step.workflowId}`}>{step.workflowName}</Link>
  );
}
