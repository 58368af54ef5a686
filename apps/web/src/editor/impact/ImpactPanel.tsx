import type { Workflow } from '@crmflow/contracts';
import { nodeDefinition, nodeTitle } from '@crmflow/flow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ImpactPreview, useImpactPreview } from '../../api/workflow-impact.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { formatDate, formatDateTime } from '../../records/format.ts';
import { SidePanel } from '../inspector/SidePanel.tsx';
import { ValueView } from '../test-run/ValueView.tsx';
import '../../styles/impact.css';

const PERIODS = [7, 30, 90] as const;

/**
 * "Nếu kích hoạt…": what the saved version would have done over the last days (an event flow,
 * replayed on the record history) or will do over the next days (a care process): how many
 * runs, on which records, and each action's effect — computed by the server, nothing sent.
 */
export function ImpactPanel({
  workflow,
  dirty,
  timeZone,
  onClose,
}: {
  workflow: Workflow;
  dirty: boolean;
  timeZone?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [days, setDays] = useState<number>(30);
  const impact = useImpactPreview({ id: workflow.id, version: workflow.version, days });
  const future = workflow.kind === 'schedule';
  return (
    <SidePanel
      title={t('impact.title')}
      closeLabel={t('impact.close')}
      testId="impact-panel"
      onClose={onClose}
    >
      <div className="inspector__section">
        <p className="inspector__hint">{future ? t('impact.introSchedule') : t('impact.introEvent')}</p>
        <label className="impact__period">
          <span>{future ? t('impact.nextDays') : t('impact.lastDays')}</span>
          <select
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
            data-testid="impact-days"
          >
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {t('impact.days', { count: period })}
              </option>
            ))}
          </select>
        </label>
        {dirty ? (
          <p className="alert alert--warning" role="status">
            {t('impact.unsaved')}
          </p>
        ) : null}
      </div>
      {impact.isPending ? <LoadingState /> : null}
      {impact.isError ? (
        <div className="inspector__section">
          <ErrorState message={errorMessage(impact.error)} onRetry={() => void impact.refetch()} />
        </div>
      ) : null}
      {impact.data ? <ImpactBody impact={impact.data} workflow={workflow} timeZone={timeZone} /> : null}
    </SidePanel>
  );
}

function ImpactBody({
  impact,
  workflow,
  timeZone,
}: {
  impact: ImpactPreview;
  workflow: Workflow;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const future = impact.kind === 'schedule';
  const actionName = (nodeId: string) => {
    const node = workflow.graph.nodes.find((item) => item.id === nodeId);
    return node ? nodeTitle({ node, definition: nodeDefinition(node.type), locale }) : nodeId;
  };
  const hidden = Math.max(0, impact.runs - impact.items.length);
  return (
    <>
      <section className="inspector__section" data-testid="impact-summary">
        <p className="impact__count">
          <strong data-testid="impact-runs">{t('impact.runs', { count: impact.runs })}</strong>{' '}
          {t('impact.onRecords', { count: impact.records })}
        </p>
        <p className="muted">
          {future
            ? t('impact.periodNext', { from: formatDate(impact.from), to: formatDate(impact.to) })
            : t('impact.periodLast', { count: impact.days, scanned: impact.scanned })}
        </p>
      </section>
      {impact.items.length === 0 ? (
        <p className="inspector__section muted">
          {future ? t('impact.noneSchedule') : t('impact.noneEvent')}
        </p>
      ) : (
        <section className="inspector__section">
          <ol className="impact__runs" data-testid="impact-runs-list">
            {impact.items.map((item) => (
              <li key={`${item.recordId}:${item.at}`} className="impact__run" data-testid="impact-run">
                <div className="impact__run-head">
                  <Link to={`/records/${workflow.module}/${item.recordId}`}>
                    {item.title || t('records.untitled')}
                  </Link>
                  <span className="muted">
                    {future ? formatDate(item.at) : formatDateTime(item.at, timeZone)}
                  </span>
                </div>
                {item.actions ? (
                  <ul className="impact__actions">
                    {item.actions.map((action) => (
                      <li key={action.nodeId} data-testid="impact-action">
                        <details>
                          <summary>
                            <span className="impact__action-name">{actionName(action.nodeId)}</span>
                            {': '}
                            {action.reason}
                          </summary>
                          {action.preview !== undefined ? <ValueView value={action.preview} /> : null}
                        </details>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          {hidden > 0 ? <p className="muted">{t('impact.more', { count: hidden })}</p> : null}
        </section>
      )}
    </>
  );
}
