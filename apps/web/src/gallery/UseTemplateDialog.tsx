import type { ModuleCatalog } from '@crmflow/flow';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type GalleryTemplate, useCopyTemplate } from '../api/gallery.ts';
import { useMessageTemplates } from '../api/workflow-resources.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { editorPath } from '../workflows/workflow-paths.ts';
import { useCreateSmsTemplate } from './gallery-resources.ts';
import { NeedChoice } from './NeedChoices.tsx';
import { templateName } from './TemplateCard.tsx';
import { needLabel } from './template-details.ts';

/** How a `send_sms` step of the template gets its text: its own, an SMS template, or one made now. */
const OWN_TEXT = '';
const CREATE = 'create';

interface SmsStep {
  id: string;
  name: string;
  text: string;
}

function smsStepsOf(template: GalleryTemplate): SmsStep[] {
  return template.graph.nodes.flatMap((node) => {
    const { name, text, templateId } = node.config;
    if (node.type !== 'send_sms' || templateId || typeof text !== 'string' || text.trim() === '') return [];
    return [{ id: node.id, name: typeof name === 'string' ? name : node.id, text }];
  });
}

function SmsStepChoice(props: {
  step: SmsStep;
  template: GalleryTemplate;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const templates = useMessageTemplates({ kind: 'sms', module: props.template.module });
  return (
    <div className="field" data-sms-step={props.step.id}>
      <label className="field__label" htmlFor={id}>
        {t('templateGallery.use.smsStep', { step: props.step.name })}
      </label>
      <select
        id={id}
        className="select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value={OWN_TEXT}>{t('templateGallery.use.smsOwnText')}</option>
        <option value={CREATE}>{t('templateGallery.use.smsCreate')}</option>
        {templates.items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <p className="field__hint template-use__quote">{props.step.text}</p>
    </div>
  );
}

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
  const nameId = useId();
  const [name, setName] = useState(() => templateName(template, locale));
  const [choices, setChoices] = useState<Record<string, string>>({});
  const smsSteps = useMemo(() => smsStepsOf(template), [template]);
  const [smsChoices, setSmsChoices] = useState<Record<string, string>>({});
  const choose = useCallback(
    (placeholder: string) => (value: string) =>
      setChoices((current) => ({ ...current, [placeholder]: value })),
    [],
  );
  const open = template.needs.filter((need) => (choices[need.placeholder] ?? '') === '').length;
  const busy = copy.isPending || createSms.isPending;

  const submit = async () => {
    const smsTemplates: Record<string, string> = {};
    for (const step of smsSteps) {
      const choice = smsChoices[step.id] ?? OWN_TEXT;
      if (choice === OWN_TEXT) continue;
      smsTemplates[step.id] =
        choice === CREATE
          ? (
              await createSms.mutateAsync({
                module: template.module,
                name: t('templateGallery.use.smsTemplateName', { name: step.name }),
                body: step.text,
              })
            ).id
          : choice;
    }
    const workflow = await copy.mutateAsync({
      id: template.id,
      name: name.trim() || undefined,
      choices,
      smsTemplates,
    });
    navigate(editorPath(workflow));
  };
  const failure = copy.error ?? createSms.error;

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
        {smsSteps.map((step) => (
          <SmsStepChoice
            key={step.id}
            step={step}
            template={template}
            value={smsChoices[step.id] ?? OWN_TEXT}
            onChange={(value) => setSmsChoices((current) => ({ ...current, [step.id]: value }))}
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
