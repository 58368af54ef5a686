import type { ModuleCatalog } from '@crmflow/flow';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryTemplate } from '../api/gallery.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { TemplateCanvas } from './TemplateCanvas.tsx';
import { templateDescription, templateName } from './TemplateCard.tsx';
import { needLabel, previewSteps } from './template-details.ts';
import { channelsOf } from './template-filter.ts';

export interface TemplatePreviewDialogProps {
  template: GalleryTemplate;
  catalog: ModuleCatalog;
  onUse: (template: GalleryTemplate) => void;
  onClose: () => void;
}

/** A template opened: its graph on a mini canvas, each step in words with its texts, and what it needs. */
export function TemplatePreviewDialog({ template, catalog, onUse, onClose }: TemplatePreviewDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = templateName(template, locale);
  const description = templateDescription(template, locale);
  const needs = useMemo(
    () => template.needs.map((need) => ({ ...need, label: needLabel({ need, catalog, locale, t }) })),
    [template.needs, catalog, locale, t],
  );
  const channels = channelsOf(template.graph);
  const names = useMemo(() => new Map(needs.map((need) => [need.placeholder, `‹${need.label}›`])), [needs]);
  const steps = useMemo(
    () =>
      previewSteps({
        graph: template.graph,
        module: template.module,
        kind: template.kind,
        catalog,
        locale,
        names,
      }),
    [template, catalog, locale, names],
  );
  return (
    <Dialog
      title={name}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('templateGallery.close')}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => onUse(template)} data-autofocus>
            {t('gallery.use')}
          </button>
        </>
      }
    >
      <div className="template-preview" data-testid="template-preview">
        {description ? <p className="workflow-description">{description}</p> : null}
        <ReactFlowProvider>
          <TemplateCanvas graph={template.graph} steps={steps} />
        </ReactFlowProvider>
        <div className="template-preview__columns">
          <section aria-labelledby="template-preview-steps">
            <h3 id="template-preview-steps">{t('templateGallery.stepsTitle')}</h3>
            <ol className="template-preview__steps">
              {steps.map((step) => (
                <li key={step.id} className={`step step--${step.category}`} data-step-id={step.id}>
                  <span className="step__label">
                    {step.label}
                    {step.name ? ` · ${step.name}` : ''}
                  </span>
                  {step.summary ? <span className="step__name">{step.summary}</span> : null}
                  {step.texts.map((text) => (
                    <span key={text.key} className="template-preview__text">
                      <strong>{t(`templateGallery.texts.${text.key}`)}:</strong> {text.value}
                    </span>
                  ))}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="template-preview-needs">
            <h3 id="template-preview-needs">{t('templateGallery.needsTitle')}</h3>
            {channels.length ? (
              <p data-testid="template-preview-channels">
                {t('outbox.channel.label')}:{' '}
                {channels.map((channel) => t(`outbox.channel.${channel}`)).join(', ')}
              </p>
            ) : null}
            {needs.length === 0 ? (
              <p className="muted">{t('templateGallery.needsNone')}</p>
            ) : (
              <ul className="template-preview__needs">
                {needs.map((need) => (
                  <li key={need.placeholder} data-need={need.placeholder}>
                    {need.label}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </Dialog>
  );
}
