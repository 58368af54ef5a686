import { DeliveryFailureCode, deliveryFailureMessages } from '@crmflow/flow/messaging';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ProviderView,
  type TestResult,
  useProviderWorkflows,
  useRotateSigningSecret,
  useTestProvider,
} from '../api/providers.ts';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { FieldError, fieldErrorsOf } from './field-errors.tsx';
import { WorkAppTestOutcome } from './WorkAppTestOutcome.tsx';
import { WorkflowUsage } from './WorkflowUsage.tsx';

/** Beside a saved provider's form: "Gửi thử", the workflows sending through it, and secret rotation. */
export function ProviderExtras({
  provider,
  onRotated,
}: {
  provider: ProviderView;
  onRotated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const rotate = useRotateSigningSecret();
  const errorMessage = useErrorMessage();
  return (
    <div className="form-stack">
      <TestSend provider={provider} />
      {provider.kind === 'webhook' && provider.adapter === 'http' ? (
        <div className="field">
          <span className="field__label">{t('providers.signingSecret')}</span>
          <div className="secret-field">
            <span className="badge badge--success">{t('providers.secretsSaved')}</span>
            <button
              type="button"
              className="btn btn--sm"
              disabled={rotate.isPending}
              onClick={() =>
                rotate.mutate(provider.id, {
                  onSuccess: (p) => p.signingSecret && onRotated(p.signingSecret),
                })
              }
            >
              {t('providers.rotate')}
            </button>
          </div>
          {rotate.isError ? <p className="alert alert--error">{errorMessage(rotate.error)}</p> : null}
        </div>
      ) : null}
      <UsedBy provider={provider} />
    </div>
  );
}

function TestSend({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation();
  const id = useId();
  const test = useTestProvider();
  const errorMessage = useErrorMessage();
  const [to, setTo] = useState('');
  const [templateId, setTemplateId] = useState('');
  const errors = fieldErrorsOf(test.error);
  // A work app is asked at its own address; its test reads, it sends nothing to anyone.
  const workApp = provider.kind === 'workapp';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    test.mutate({
      id: provider.id,
      to: to.trim(),
      ...(templateId.trim() ? { templateId: templateId.trim() } : {}),
    });
  };
  return (
    <form className="card settings-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('providers.test.title')}</h3>
      {workApp ? (
        <p className="field__hint">{t('providers.test.workApp.intro')}</p>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            {t(`providers.test.to.${provider.kind}`)}
          </label>
          <input
            id={`${id}-to`}
            className="input"
            value={to}
            placeholder={provider.kind === 'webhook' ? String(provider.config.url ?? '') : undefined}
            onChange={(e) => setTo(e.target.value)}
            aria-describedby={errors.to ? `${id}-to-error` : undefined}
          />
          <FieldError id={`${id}-to-error`} message={errors.to} />
        </div>
      )}
      {provider.kind === 'zns' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-template`}>
            {t('providers.test.templateId')}
          </label>
          <input
            id={`${id}-template`}
            className="input"
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
          />
          <FieldError id={`${id}-template-error`} message={errors.templateId} />
        </div>
      ) : null}
      <div className="settings-form__actions">
        <button type="submit" className="btn" disabled={test.isPending}>
          {test.isPending ? t('providers.test.sending') : t('providers.test.send')}
        </button>
      </div>
      {test.isError && Object.keys(errors).length === 0 ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(test.error)}
        </p>
      ) : null}
      {test.data && workApp ? <WorkAppTestOutcome result={test.data} /> : null}
      {test.data && !workApp ? <TestOutcome result={test.data} /> : null}
    </form>
  );
}

/** What the provider did, in plain words first and its own words after. */
function TestOutcome({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answer = result.answer ? answerText(result.answer) : '';
  if (result.status !== 'failed') {
    return (
      <p className="alert alert--success test-result" role="status" data-testid="test-result">
        {t(`providers.test.${result.status}`)}
        {answer ? ` ${t('providers.test.answer', { answer })}` : ''}
      </p>
    );
  }
  const code = DeliveryFailureCode.safeParse(result.code);
  const plain = code.success ? deliveryFailureMessages[code.data][locale] : t('providers.test.failed');
  return (
    <p className="alert alert--error test-result" role="alert" data-testid="test-result">
      {plain}
      {result.error ? `: ${result.error}` : ''}
    </p>
  );
}

/** The provider's answer in one line: an SMTP reply, or an HTTP status. */
function answerText(answer: Record<string, unknown>): string {
  if (typeof answer.response === 'string') return answer.response;
  if (typeof answer.httpStatus === 'number') return `HTTP ${answer.httpStatus}`;
  return '';
}

function UsedBy({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation();
  const workflows = useProviderWorkflows(provider.id);
  return (
    <WorkflowUsage
      label={t('providers.usedBy')}
      empty={t('providers.usedByNone')}
      workflows={workflows.data}
    />
  );
}
