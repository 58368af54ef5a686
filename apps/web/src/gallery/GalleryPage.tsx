import { ModuleKey, WorkflowKind } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type GalleryTemplate, useCopyTemplate, useGalleryTemplates } from '../api/gallery.ts';
import { useModules } from '../api/modules.ts';
import { FilterSelect, ModuleFilter } from '../components/FilterSelect.tsx';
import { TemplateIcon } from '../components/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { labelOf } from '../records/format.ts';
import { useUrlFilters } from '../runs/useUrlFilters.ts';
import '../styles/lists.css';
import '../styles/gallery.css';
import { editorPath } from '../workflows/workflow-paths.ts';
import { TemplateCard } from './TemplateCard.tsx';

const filterKeys = ['module', 'kind'] as const;

/** `/templates`: the built-in flows; using one opens an inactive copy in the editor. */
export function GalleryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const modules = useModules();
  const [filters, setFilters] = useUrlFilters(filterKeys);
  const module = ModuleKey.safeParse(filters.module).data;
  const kind = WorkflowKind.safeParse(filters.kind).data;
  const templates = useGalleryTemplates({ module, kind });
  const copyTemplate = useCopyTemplate();

  const moduleLabel = (key: string) => {
    const meta = modules.data?.find((item) => item.key === key);
    return meta ? labelOf(meta, locale) : key;
  };
  const use = (template: GalleryTemplate) =>
    copyTemplate.mutate({ id: template.id }, { onSuccess: (workflow) => navigate(editorPath(workflow)) });
  const usingId = copyTemplate.isPending || copyTemplate.isSuccess ? copyTemplate.variables?.id : undefined;
  const failedId = copyTemplate.isError ? copyTemplate.variables?.id : undefined;

  return (
    <div className="page page--wide">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t('gallery.title')}</h1>
          <p className="page__subtitle">{t('gallery.subtitle')}</p>
        </div>
      </div>
      <section className="card" aria-label={t('gallery.title')}>
        <div className="toolbar">
          <div className="toolbar__group">
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
          </div>
        </div>
        {templates.isPending ? <LoadingState /> : null}
        {templates.isError ? (
          <div className="toolbar">
            <ErrorState message={errorMessage(templates.error)} onRetry={() => void templates.refetch()} />
          </div>
        ) : null}
        {templates.data?.length === 0 ? (
          <EmptyState
            icon={<TemplateIcon size={22} />}
            title={t('gallery.title')}
            body={t('gallery.empty')}
          />
        ) : null}
        {templates.data?.length ? (
          <ul className="template-grid">
            {templates.data.map((template) => (
              <TemplateCard
                key={template.id}
                template={template}
                moduleLabel={moduleLabel(template.module)}
                busy={usingId === template.id}
                disabled={usingId !== undefined}
                error={failedId === template.id ? errorMessage(copyTemplate.error) : null}
                onUse={use}
              />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
