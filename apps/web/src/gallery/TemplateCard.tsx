import { useTranslation } from 'react-i18next';
import type { GalleryTemplate } from '../api/gallery.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { templateSteps } from './template-steps.ts';

/** Steps a card lists before summing up the rest. */
export const SHOWN_STEPS = 5;

export interface TemplateCardProps {
  template: GalleryTemplate;
  moduleLabel: string;
  busy: boolean;
  /** Another template is being copied: one at a time. */
  disabled: boolean;
  error: string | null;
  onUse: (template: GalleryTemplate) => void;
}

export function templateName(template: GalleryTemplate, locale: 'vi' | 'en'): string {
  return locale === 'en' ? template.nameEn : template.nameVi;
}

/** A template: what it is for, the steps it runs, and the button that copies it. */
export function TemplateCard({ template, moduleLabel, busy, disabled, error, onUse }: TemplateCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = templateName(template, locale);
  const description = locale === 'en' ? template.descriptionEn : template.descriptionVi;
  const steps = templateSteps(template.graph, locale);
  const shown = steps.slice(0, SHOWN_STEPS);
  return (
    <li className="template-card" data-testid="template-card" data-template-id={template.id}>
      <div className="template-card__badges">
        <span className="badge">{moduleLabel}</span>
        <span className={template.kind === 'schedule' ? 'badge badge--warning' : 'badge badge--accent'}>
          {t(`gallery.kind.${template.kind}`)}
        </span>
      </div>
      <h2 className="template-card__title">{name}</h2>
      {description ? <p className="workflow-description">{description}</p> : null}
      <div className="template-card__steps">
        <h3>{t('gallery.steps')}</h3>
        <ol>
          {shown.map((step) => (
            <li key={step.id} className={`step step--${step.category}`}>
              <span className="step__label">{step.label}</span>
              {step.name ? <span className="step__name">{step.name}</span> : null}
            </li>
          ))}
        </ol>
        {steps.length > shown.length ? (
          <p className="muted">{t('gallery.moreSteps', { count: steps.length - shown.length })}</p>
        ) : null}
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="template-card__footer">
        <button
          type="button"
          className="btn btn--primary"
          aria-label={t('gallery.useLabel', { name })}
          disabled={busy || disabled}
          onClick={() => onUse(template)}
        >
          {busy ? t('gallery.using') : t('gallery.use')}
        </button>
      </div>
    </li>
  );
}
