import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryTemplate } from '../api/gallery.ts';
import { useMessageTemplates } from '../api/workflow-resources.ts';

/**
 * How a message step of the template gets its text: the text written in the template, one of the
 * organization's SMS or email templates, or a template made now from the step's own text.
 */
export const OWN_TEXT = '';
export const CREATE = 'create';

export type MessageKind = 'sms' | 'email';

export interface MessageStep {
  id: string;
  kind: MessageKind;
  name: string;
  /** The email's subject; empty for an SMS. */
  subject: string;
  /** The SMS text, or the email's body. */
  text: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The SMS and email steps that carry their own text (not already a template of the organization). */
export function messageStepsOf(template: GalleryTemplate): MessageStep[] {
  return template.graph.nodes.flatMap((node): MessageStep[] => {
    const { config } = node;
    const kind = node.type === 'send_sms' ? 'sms' : node.type === 'send_email' ? 'email' : null;
    const body = kind === 'sms' ? text(config.text) : text(config.body);
    if (!kind || config.templateId || body.trim() === '') return [];
    const name = text(config.name) || node.id;
    return [{ id: node.id, kind, name, subject: kind === 'email' ? text(config.subject) : '', text: body }];
  });
}

/** The step's text as the dialog quotes it: an email's HTML read as plain words. */
export function quoteOf(step: MessageStep): string {
  if (step.kind === 'sms') return step.text;
  const words = step.text
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [step.subject, words].filter(Boolean).join(' — ');
}

export function MessageStepChoice(props: {
  step: MessageStep;
  template: GalleryTemplate;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { step } = props;
  const templates = useMessageTemplates({ kind: step.kind, module: props.template.module });
  return (
    <div className="field" data-message-step={step.id}>
      <label className="field__label" htmlFor={id}>
        {t(`templateGallery.use.${step.kind}Step`, { step: step.name })}
      </label>
      <select
        id={id}
        className="select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value={OWN_TEXT}>{t('templateGallery.use.ownText')}</option>
        <option value={CREATE}>{t(`templateGallery.use.${step.kind}Create`)}</option>
        {templates.items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <p className="field__hint template-use__quote">{quoteOf(step)}</p>
    </div>
  );
}
