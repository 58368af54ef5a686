import type { RunDetail } from '@crmflow/contracts';
import { nodeDefinition, nodeLabel } from '@crmflow/flow';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRetryRun } from '../../api/workflows.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { formatDateTime } from '../../records/format.ts';
import { useEditor, useEditorScope } from '../EditorProvider.tsx';
import { StepErrorMessage, StepResult, TechnicalDetails } from '../step-view/StepView.tsx';
import { stepLookups } from '../step-view/step-lookups.ts';

const statusLabels = ['succeeded', 'failed', 'skipped', 'waiting', 'running', 'pending'] as const;
type KnownStatus = (typeof statusLabels)[number];
const isKnown = (status: string): status is KnownStatus => statusLabels.some((known) => known === status);

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge run-badge run-badge--${status}`} data-testid="run-status">
      {isKnown(status) ? t(`editor.mark.${status}`) : status}
    </span>
  );
}

/** "Thử lại": failed steps are queued again (POST /api/runs/:id/retry). */
function RetryButton({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const retry = useRetryRun();
  const errorMessage = useErrorMessage();
  const [done, setDone] = useState(false);
  return (
    <div className="run-retry">
      <button
        type="button"
        className="btn btn--primary btn--sm"
        disabled={retry.isPending}
        onClick={() => retry.mutate(runId, { onSuccess: () => setDone(true) })}
      >
        {retry.isPending ? t('editor.run.retrying') : t('editor.run.retry')}
      </button>
      {done ? <p role="status">{t('editor.run.retried')}</p> : null}
      {retry.isError ? (
        <p className="field__error" role="alert">
          {errorMessage(retry.error)}
        </p>
      ) : null}
    </div>
  );
}

/** The run as a whole, shown with no step selected. */
export function RunSummary({ run }: { run: RunDetail }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('editor.run.workflow'), run.workflowName ?? '—'],
    [
      t('editor.run.record'),
      run.recordId ? (
        <Link key="record" to={`/records/${run.module}/${run.recordId}`}>
          {run.recordTitle || t('editor.run.openRecord')}
        </Link>
      ) : (
        '—'
      ),
    ],
    [t('editor.run.started'), run.startedAt ? formatDateTime(run.startedAt) : '—'],
    [t('editor.run.finished'), run.finishedAt ? formatDateTime(run.finishedAt) : '—'],
  ];
  // The run's reason comes in the reader's language; a failed step's error already says it, with help.
  const failedStep = run.steps.find((step) => step.status === 'failed' && step.error);
  if (run.reason && !failedStep) rows.push([t('editor.run.reason'), run.reason]);
  return (
    <div className="inspector__section" data-testid="run-summary">
      <div className="inspector__head">
        <h2 className="inspector__title">{t('editor.run.title')}</h2>
        <StatusBadge status={run.status} />
      </div>
      <dl className="value-view">
        {rows.map(([label, value]) => (
          <div key={label} className="value-view__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {failedStep ? <StepErrorMessage error={failedStep.error} nodeType={failedStep.nodeType} /> : null}
      {run.status === 'failed' ? <RetryButton runId={run.id} /> : null}
      <p className="inspector__hint">{t('editor.run.selectStep')}</p>
    </div>
  );
}

/** One step: its status, attempts, timings, input, output and error. */
export function StepDetails({ run, nodeId }: { run: RunDetail; nodeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nodeType = useEditor((state) => state.nodes.find((node) => node.id === nodeId)?.data.nodeType);
  const definition = nodeType ? nodeDefinition(nodeType) : undefined;
  const step = run.steps.find((candidate) => candidate.nodeId === nodeId);
  const { catalog, module } = useEditorScope();
  const lookups = useMemo(() => stepLookups({ refs: run.refs, catalog }), [run.refs, catalog]);
  return (
    <div className="inspector__section" data-testid="step-details">
      <div className="inspector__head">
        <h2 className="inspector__title">{definition ? nodeLabel(definition, locale) : nodeId}</h2>
        {step ? <StatusBadge status={step.status} /> : null}
      </div>
      {step ? (
        <>
          <dl className="value-view">
            <div className="value-view__row">
              <dt>{t('editor.run.attempts')}</dt>
              <dd>{step.attempts}</dd>
            </div>
            <div className="value-view__row">
              <dt>{t('editor.run.started')}</dt>
              <dd>{step.startedAt ? formatDateTime(step.startedAt) : '—'}</dd>
            </div>
            <div className="value-view__row">
              <dt>{t('editor.run.finished')}</dt>
              <dd>{step.finishedAt ? formatDateTime(step.finishedAt) : '—'}</dd>
            </div>
          </dl>
          <StepErrorMessage error={step.error} nodeType={step.nodeType} />
          <StepResult nodeType={step.nodeType} value={step.output} lookups={lookups} module={module} />
          <TechnicalDetails
            parts={{
              nodeId,
              nodeType: step.nodeType,
              input: step.input,
              output: step.output,
              error: step.error,
            }}
          />
          {step.status === 'failed' ? <RetryButton runId={run.id} /> : null}
        </>
      ) : (
        <p className="inspector__hint">{t('editor.run.notReached')}</p>
      )}
    </div>
  );
}
