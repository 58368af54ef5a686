import type { ModuleCatalog } from '@crmflow/flow';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type GalleryTemplate, useCopyTemplate } from '../api/gallery.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { editorPath } from '../workflows/workflow-paths.ts';
import { useCreateEmailTemplate, useCreateSmsTemplate } from './gallery-resources.ts';
import {
  CREATE,
  type MessageKind,
  type MessageStep,
  MessageStepChoice,
  messageStepsOf,
  OWN_TEXT,
} from './MessageStepChoices.tsx';
import { NeedChoice } from './NeedChoices.tsx';
import { templateName } from './TemplateCard.tsx';
import { needLabel } from './template-details.ts';

export interface UseTemplateDialogProps {
  template: GalleryTemplate;
  catalog: ModuleCatalog;
  onClose: () => void;
}

/**
 * Dùng mẫu: resolves what the template cannot know (providers, allocation rule, users, message
 * templates, a webhook address) with the organization's defaults, lets the admin create what is
 * missing, then makes the workflow and opens it in the editor. A choice left open stays a
 * validation problem of the new workflow.
 */
export function UseTemplateDialog({ template, catalog, onClose }: UseTemplateDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const copy = useCopyTemplate();
  const createSms = useCreateSmsTemplate();
  const createEmail = useCreateEmailTemplate();
  const nameId = useId();
  const [name, setName] = useState(() => templateName(template, locale));
  const [choices, setChoices] = useState<Record<string, string>>({});
  const messageSteps = useMemo(() => messageStepsOf(template), [template]);
  const [messageChoices, setMessageChoices] = useState<Record<string, string>>({});
  const choose = useCallback(
    (placeholder: string) => (value: string) =>
      setChoices((current) => ({ ...current, [placeholder]: value })),
    [],
  );
  const open = template.needs.filter((need) => (choices[need.placeholder] ?? '') === '').length;
  const busy = copy.isPending || createSms.isPending || createEmail.isPending;

  /** A template made from the step's own text, in the template's module. */
  const createFrom = async (step: MessageStep) => {
    const base = {
      module: template.module,
      name: t('templateGallery.use.createdTemplateName', { name: step.name }),
    };
    const created =
      step.kind === 'sms'
        ? await createSms.mutateAsync({ ...base, body: step.text })
        : await createEmail.mutateAsync({ ...base, subject: step.subject, body: step.text });
    return created.id;
  };
  const submit = async () => {
    const chosen: Record<MessageKind, Record<string, string>> = { sms: {}, email: {} };
    for (const step of messageSteps) {
      const choice = messageChoices[step.id] ?? OWN_TEXT;
      if (choice === OWN_TEXT) continue;
      chosen[step.kind][step.id] = choice === CREATE ? await createFrom(step) : choice;
    }
    const workflow = await copy.mutateAsync({
      id: template.id,
      name: name.trim() || undefined,
      choices,
      smsTemplates: chosen.sms,
      emailTemplates: chosen.email,
    });
    navigate(editorPath(workflow));
  };
  const failure = copy.error ?? createSms.error ?? createEmail.error;

  return (
    <Dialog
      title={t('templateGallery.use.title', { name: templateName(template, locale) })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('templateGallery.use.cancel')}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="use-template-submit"
          >
            {busy ? t('templateGallery.use.submitting') : t('templateGallery.use.submit')}
          </button>
        </>
      }
    >
      <div className="template-use" data-testid="use-template-dialog">
        <p>{t('templateGallery.use.intro')}</p>
        <div className="field">
          <label className="field__label" htmlFor={nameId}>
            {t('templateGallery.use.workflowName')}
          </label>
          <input
            id={nameId}
            className="input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-autofocus
          />
        </div>
        {template.needs.map((need) => (
          <NeedChoice
            key={need.placeholder}
            need={need}
            label={needLabel({ need, catalog, locale, t })}
            value={choices[need.placeholder]}
            onChange={choose(need.placeholder)}
          />
        ))}
        {messageSteps.map((step) => (
          <MessageStepChoice
            key={step.id}
            step={step}
            template={template}
            value={messageChoices[step.id] ?? OWN_TEXT}
            onChange={(value) => setMessageChoices((current) => ({ ...current, [step.id]: value }))}
          />
        ))}
        <p className={open > 0 ? 'alert alert--warning' : 'alert alert--success'} role="status">
          {open > 0
            ? t('templateGallery.use.openProblems', { count: open })
            : t('templateGallery.use.allSet')}
        </p>
        {failure ? (
          <p className="alert alert--error" role="alert">
            {errorMessage(failure)}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
