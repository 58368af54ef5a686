import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale.ts';
import { Recipients } from './Facts.tsx';
import { EmailStep, SmsStep, WebhookStep, ZnsStep } from './message-steps.tsx';
import {
  CareCardStep,
  DelayStep,
  HandoverStep,
  NotifyStep,
  RevenueStep,
  TaskStep,
  UpdateFieldsStep,
} from './record-steps.tsx';
import { helpPaths, readStepError } from './step-error.ts';
import type { StepRendererProps } from './step-renderer.ts';

/** Each action type's view of what it did or would do; other nodes show only their technical details. */
export const stepRenderers: Record<string, ComponentType<StepRendererProps>> = {
  send_email: EmailStep,
  send_sms: SmsStep,
  send_zalo_zns: ZnsStep,
  webhook: WebhookStep,
  create_task: TaskStep,
  notify: NotifyStep,
  update_fields: UpdateFieldsStep,
  assign_owner: HandoverStep,
  add_care_card: CareCardStep,
  propose_revenue: RevenueStep,
  record_revenue: RevenueStep,
  delay: DelayStep,
};

/** What a step did (its output) or would do (a test's preview), as labelled values. */
export function StepResult({ nodeType, ...props }: StepRendererProps & { nodeType: string }) {
  const Renderer = stepRenderers[nodeType];
  if (!Renderer || props.value === undefined || props.value === null) return null;
  return <Renderer {...props} />;
}

/** A step's error as a sentence in the reader's language, with a link to where it is fixed. */
export function StepErrorMessage({ error, nodeType }: { error: unknown; nodeType: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = readStepError({ error, locale, nodeType });
  if (!shown) return null;
  return (
    <div className="alert alert--error step-error" role="alert" data-testid="step-error">
      <p>{shown.text}</p>
      {shown.recipients.length > 1 ? <Recipients reports={shown.recipients} /> : null}
      {shown.help ? (
        <p>
          <Link to={helpPaths[shown.help]}>{t(`editor.step.help.${shown.help}`)}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** Ids and raw JSON, for whoever needs them, folded away by default. */
export function TechnicalDetails({ parts }: { parts: Record<string, unknown> }) {
  const { t } = useTranslation();
  const shown = Object.fromEntries(
    Object.entries(parts).filter(([, value]) => value !== undefined && value !== null),
  );
  if (Object.keys(shown).length === 0) return null;
  return (
    <details className="step-technical">
      <summary>{t('editor.step.technical')}</summary>
      <pre className="value-view__json">{JSON.stringify(shown, null, 2)}</pre>
    </details>
  );
}
