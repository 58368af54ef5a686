import { useTranslation } from 'react-i18next';
import type { GalleryTemplate } from '../api/gallery.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { channelsOf } from './template-filter.ts';
import { templateSteps } from './template-steps.ts';

/** Steps a card lists before summing up the rest. */
export const SHOWN_STEPS = 5;

export type TemplateAction = 'preview' | 'use' | 'export' | 'edit' | 'delete';

export interface TemplateCardProps {
  template: GalleryTemplate;
  moduleLabel: string;
  /** Edit and delete are offered on the organization's own templates to managers and admins. */
  canManage: boolean;
  onAction: (action: TemplateAction, template: GalleryTemplate) => void;
}

/** The template's name in the locale; an English one left empty falls back to the Vietnamese. */
export function templateName(template: GalleryTemplate, locale: 'vi' | 'en'): string {
  return (locale === 'en' && template.nameEn) || template.nameVi;
}

export function templateDescription(template: GalleryTemplate, locale: 'vi' | 'en'): string {
  return (locale === 'en' && template.descriptionEn) || template.descriptionVi || '';
}

/** A template: what it is for, the steps it runs, its channels, and what can be done with it. */
export function TemplateCard({ template, moduleLabel, canManage, onAction }: TemplateCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = templateName(template, locale);
  const description = templateDescription(template, locale);
  const steps = templateSteps(template.graph, locale);
  const shown = steps.slice(0, SHOWN_STEPS);
  const own = !template.builtIn;
  return (
    <li className="template-card" data-testid="template-card" data-template-id={template.id}>
      <div className="template-card__badges">
        <span className="badge">{moduleLabel}</span>
        <span className={template.kind === 'schedule' ? 'badge badge--warning' : 'badge badge--accent'}>
          {t(`gallery.kind.${template.kind}`)}
        </span>
        {channelsOf(template.graph).map((channel) => (
          <span key={channel} className="badge badge--muted">
            {t(`outbox.channel.${channel}`)}
          </span>
        ))}
        {own ? <span className="badge badge--success">{t('templateGallery.ownBadge')}</span> : null}
      </div>
      <h2 className="template-card__title">
        <button
          type="button"
          className="template-card__open"
          aria-label={t('templateGallery.previewLabel', { name })}
          onClick={() => onAction('preview', template)}
        >
          {name}
        </button>
      </h2>
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
      <div className="template-card__footer">
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => onAction('export', template)}
          aria-label={t('templateGallery.actions.exportLabel', { name })}
        >
          {t('templateGallery.actions.export')}
        </button>
        {own && canManage ? (
          <>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() => onAction('edit', template)}
              aria-label={t('templateGallery.actions.editLabel', { name })}
            >
              {t('templateGallery.actions.edit')}
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() => onAction('delete', template)}
              aria-label={t('templateGallery.actions.deleteLabel', { name })}
            >
              {t('templateGallery.actions.delete')}
            </button>
          </>
        ) : null}
        <button type="button" className="btn btn--sm" onClick={() => onAction('preview', template)}>
          {t('templateGallery.preview')}
        </button>
        <button
          type="button"
          className="btn btn--primary btn--sm"
          aria-label={t('gallery.useLabel', { name })}
          onClick={() => onAction('use', template)}
        >
          {t('gallery.useShort')}
        </button>
      </div>
    </li>
  );
}
