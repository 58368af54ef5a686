import { ModuleKey, WorkflowKind } from '@crmflow/flow';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import {
  type GalleryTemplate,
  type TemplateCardInput,
  useDeleteTemplate,
  useGalleryTemplates,
  useUpdateTemplate,
} from '../api/gallery.ts';
import { useModules } from '../api/modules.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { FilterSelect, ModuleFilter } from '../components/FilterSelect.tsx';
import { TemplateIcon } from '../components/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useModuleCatalog } from '../editor/pages/useModuleCatalog.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { labelOf } from '../records/format.ts';
import { SearchBox } from '../records/SearchBox.tsx';
import { useUrlFilters } from '../runs/useUrlFilters.ts';
import '../styles/lists.css';
import '../styles/gallery.css';
import { type TemplateAction, TemplateCard, templateName } from './TemplateCard.tsx';
import { TemplateCardDialog } from './TemplateCardDialog.tsx';
import { TemplatePreviewDialog } from './TemplatePreviewDialog.tsx';
import { matchesFilter, TemplateChannel, templateChannels } from './template-filter.ts';
import { UseTemplateDialog } from './UseTemplateDialog.tsx';
import { useTemplateFiles } from './useTemplateFiles.ts';

/** What the card editor starts from: the template's texts in both languages. */
const cardOf = (template: GalleryTemplate): TemplateCardInput => ({
  name: { vi: template.nameVi, en: template.nameEn },
  description: { vi: template.descriptionVi ?? '', en: template.descriptionEn ?? '' },
});

const filterKeys = ['module', 'kind', 'channel', 'q'] as const;

type Open = { action: Exclude<TemplateAction, 'export'>; template: GalleryTemplate } | null;

/** `/templates`: the organization's own templates and the built-in ones, to preview, use, export or import. */
export function GalleryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const modules = useModules();
  const { catalog } = useModuleCatalog();
  const me = useMe();
  const canManage = me.data?.user.role === 'admin' || me.data?.user.role === 'manager';
  const [filters, setFilters] = useUrlFilters(filterKeys);
  const module = ModuleKey.safeParse(filters.module).data;
  const kind = WorkflowKind.safeParse(filters.kind).data;
  const channel = TemplateChannel.safeParse(filters.channel).data;
  const templates = useGalleryTemplates({});
  const [open, setOpen] = useState<Open>(null);
  const updateTemplate = useUpdateTemplate();
  const deleteTemplate = useDeleteTemplate();
  const files = useTemplateFiles();
  const fileInput = useRef<HTMLInputElement>(null);

  const moduleLabel = (key: string) => {
    const meta = modules.data?.find((item) => item.key === key);
    return meta ? labelOf(meta, locale) : key;
  };
  const onAction = (action: TemplateAction, template: GalleryTemplate) => {
    if (action === 'export') void files.exportFile(template);
    else setOpen({ action, template });
  };
  const close = () => {
    updateTemplate.reset();
    deleteTemplate.reset();
    setOpen(null);
  };
  const shown = (templates.data ?? []).filter((template) =>
    matchesFilter(template, { module, kind, channel, search: filters.q }),
  );
  const own = shown.filter((template) => !template.builtIn);
  const builtIn = shown.filter((template) => template.builtIn);
  const grid = (items: GalleryTemplate[]) => (
    <ul className="template-grid">
      {items.map((template) => (
        <TemplateCard
          key={template.id}
          template={template}
          moduleLabel={moduleLabel(template.module)}
          canManage={canManage}
          onAction={onAction}
        />
      ))}
    </ul>
  );

  return (
    <div className="page page--wide">
      <div className="page__header template-header">
        <div className="page__titles">
          <h1>{t('gallery.title')}</h1>
          <p className="page__subtitle">{t('templateGallery.subtitle')}</p>
        </div>
        {canManage ? (
          <div className="page__actions">
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              hidden
              data-testid="template-import-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void files.importFile(file);
                event.target.value = '';
              }}
            />
            <button
              type="button"
              className="btn"
              disabled={files.importing}
              onClick={() => fileInput.current?.click()}
            >
              {files.importing ? t('templateGallery.actions.importing') : t('templateGallery.actions.import')}
            </button>
          </div>
        ) : null}
      </div>
      {files.outcome ? (
        <div className={files.outcome.ok ? 'alert alert--success' : 'alert alert--error'} role="status">
          <p>{files.outcome.text}</p>
          {files.outcome.ok || files.outcome.details.length === 0 ? null : (
            <ul>
              {files.outcome.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <section className="card" aria-label={t('gallery.title')}>
        <div className="toolbar template-toolbar">
          <div className="toolbar__group">
            <SearchBox
              value={filters.q ?? ''}
              onSearch={(q) => setFilters({ q: q || undefined })}
              label={t('templateGallery.search')}
              placeholder={t('templateGallery.searchPlaceholder')}
            />
            <ModuleFilter
              modules={modules.data ?? []}
              value={module}
              onChange={(value) => setFilters({ module: value })}
            />
            <FilterSelect
              label={t('gallery.kind.label')}
              allLabel={t('gallery.kind.all')}
              value={kind}
              options={WorkflowKind.options.map((value) => ({ value, label: t(`gallery.kind.${value}`) }))}
              onChange={(value) => setFilters({ kind: value })}
            />
            <FilterSelect
              label={t('outbox.channel.label')}
              allLabel={t('outbox.channel.all')}
              value={channel}
              options={templateChannels.map((value) => ({
                value,
                label: t(`outbox.channel.${value}`),
              }))}
              onChange={(value) => setFilters({ channel: value })}
            />
          </div>
        </div>
        {templates.isPending ? <LoadingState /> : null}
        {templates.isError ? (
          <div className="toolbar">
            <ErrorState message={errorMessage(templates.error)} onRetry={() => void templates.refetch()} />
          </div>
        ) : null}
        {templates.isSuccess ? (
          <>
            <section className="template-section" aria-labelledby="gallery-own" data-testid="gallery-own">
              <h2 id="gallery-own" className="template-section__title">
                {t('templateGallery.sections.organization')}
              </h2>
              {own.length ? (
                grid(own)
              ) : (
                <p className="muted template-section__empty">
                  {t('templateGallery.sections.organizationEmpty')}
                </p>
              )}
            </section>
            <section
              className="template-section"
              aria-labelledby="gallery-built-in"
              data-testid="gallery-built-in"
            >
              <h2 id="gallery-built-in" className="template-section__title">
                {t('templateGallery.sections.builtIn')}
              </h2>
              {builtIn.length ? (
                grid(builtIn)
              ) : (
                <EmptyState
                  icon={<TemplateIcon size={22} />}
                  title={t('gallery.title')}
                  body={t('gallery.empty')}
                />
              )}
            </section>
          </>
        ) : null}
      </section>
      {open?.action === 'preview' && catalog ? (
        <TemplatePreviewDialog
          template={open.template}
          catalog={catalog}
          onClose={close}
          onUse={(template) => setOpen({ action: 'use', template })}
        />
      ) : null}
      {open?.action === 'use' && catalog ? (
        <UseTemplateDialog template={open.template} catalog={catalog} onClose={close} />
      ) : null}
      {open?.action === 'edit' ? (
        <TemplateCardDialog
          title={t('templateGallery.card.editTitle')}
          initial={cardOf(open.template)}
          busy={updateTemplate.isPending}
          error={updateTemplate.isError ? errorMessage(updateTemplate.error) : null}
          onSave={(card) => updateTemplate.mutate({ id: open.template.id, ...card }, { onSuccess: close })}
          onClose={close}
        />
      ) : null}
      {open?.action === 'delete' ? (
        <ConfirmDialog
          title={t('templateGallery.deleteConfirm.title')}
          body={t('templateGallery.deleteConfirm.body', { name: templateName(open.template, locale) })}
          confirmLabel={t('templateGallery.deleteConfirm.confirm')}
          busy={deleteTemplate.isPending}
          error={deleteTemplate.isError ? errorMessage(deleteTemplate.error) : null}
          onConfirm={() => deleteTemplate.mutate(open.template.id, { onSuccess: close })}
          onCancel={close}
        />
      ) : null}
    </div>
  );
}
