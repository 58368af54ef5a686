import type { Workflow } from '@crmflow/contracts';
import { ModuleKey, type WorkflowKind } from '@crmflow/flow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useModules } from '../api/modules.ts';
import { useWorkflowList } from '../api/workflow-lists.ts';
import { PlusIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { labelOf } from '../records/format.ts';
import { useUrlFilters } from '../runs/useUrlFilters.ts';
import '../styles/table.css';
import '../styles/lists.css';
import '../styles/workflows.css';
import { ActiveLimits } from './ActiveLimits.tsx';
import { DeleteWorkflowDialog } from './DeleteWorkflowDialog.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { triggerSummary } from './trigger-summary.ts';
import { usePriorityDrag } from './usePriorityDrag.ts';
import { useViewMode } from './useViewMode.ts';
import { useWorkflowActions } from './useWorkflowActions.ts';
import { WorkflowCards } from './WorkflowCards.tsx';
import { WorkflowEmpty } from './WorkflowEmpty.tsx';
import { WorkflowFilters } from './WorkflowFilters.tsx';
import { WorkflowTable } from './WorkflowTable.tsx';
import { newWorkflowPath } from './workflow-paths.ts';
import type { WorkflowViewProps } from './workflow-view-props.ts';

const filterKeys = ['module', 'q'] as const;

/**
 * `/workflows` (kind `event`) and `/care-processes` (kind `schedule`): the organization's flows of one
 * kind, filtered by module and name, switched on and off, and put in priority order.
 */
export function WorkflowListPage({ kind }: { kind: WorkflowKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const modules = useModules();
  const [filters, setFilters] = useUrlFilters(filterKeys);
  const module = ModuleKey.safeParse(filters.module).data;
  const q = filters.q ?? '';
  const [view, setView] = useViewMode(kind);
  const list = useWorkflowList({ kind, module, q: q || undefined });
  const limits = list.data?.limits ?? {};
  const actions = useWorkflowActions(limits);
  const [deleting, setDeleting] = useState<Workflow | null>(null);

  const items = list.data?.items ?? [];
  const canManage = me.data?.user.role === 'admin' || me.data?.user.role === 'manager';
  const reorderable = canManage && Boolean(module) && !q && items.length > 1;
  const drag = usePriorityDrag({
    ids: items.map((item) => item.id),
    enabled: reorderable,
    onReorder: (ids) => {
      if (module) actions.reorder({ module, kind, ids });
    },
  });

  const moduleMeta = (key: string) => modules.data?.find((item) => item.key === key);
  const moduleLabel = (key: string) => {
    const meta = moduleMeta(key);
    return meta ? labelOf(meta, locale) : key;
  };
  // Counts are shown once the list answered, so they never flash "0/10" while loading.
  const shownModules = !list.data ? [] : module ? [module] : [...new Set(items.map((item) => item.module))];
  const viewProps: WorkflowViewProps = {
    items,
    moduleLabel,
    triggerText: (workflow) =>
      triggerSummary({ graph: workflow.graph, module: moduleMeta(workflow.module), locale }),
    timeZone: me.data?.organization.timeZone,
    canManage,
    switchingId: actions.switchingId,
    cloning: actions.cloning,
    reorderable,
    drag,
    onToggle: actions.toggle,
    onClone: actions.clone,
    onDelete: setDeleting,
  };

  return (
    <div className="page page--wide">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t(`workflows.title.${kind}`)}</h1>
          <p className="page__subtitle">{t(`workflows.subtitle.${kind}`)}</p>
        </div>
        <Link to={newWorkflowPath(kind)} className="btn btn--primary">
          <PlusIcon />
          {t('workflows.add')}
        </Link>
      </div>
      {actions.notice ? <NoticeBanner notice={actions.notice} onDismiss={actions.dismiss} /> : null}
      <section className="card" aria-label={t(`workflows.title.${kind}`)}>
        <WorkflowFilters
          modules={modules.data ?? []}
          module={module}
          q={q}
          view={view}
          onModule={(next) => setFilters({ module: next })}
          onSearch={(next) => setFilters({ q: next })}
          onView={setView}
        />
        <div className="list-meta">
          <ActiveLimits modules={shownModules} limits={limits} moduleLabel={moduleLabel} />
          {items.length > 1 && canManage ? (
            <p className="list-meta__hint">
              {reorderable ? t('workflows.reorder.hint') : t('workflows.reorder.needsModule')}
            </p>
          ) : null}
        </div>
        {list.isPending ? <LoadingState /> : null}
        {list.isError ? (
          <div className="toolbar">
            <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
          </div>
        ) : null}
        {list.data && items.length === 0 ? (
          <WorkflowEmpty kind={kind} q={q} moduleName={module ? moduleLabel(module) : undefined} />
        ) : null}
        {items.length > 0 && view === 'table' ? <WorkflowTable {...viewProps} /> : null}
        {items.length > 0 && view === 'cards' ? <WorkflowCards {...viewProps} /> : null}
        {items.length > 0 ? (
          <p className="list-footer muted" data-testid="workflows-total">
            {t(`workflows.total.${kind}`, { count: items.length })}
          </p>
        ) : null}
      </section>
      {deleting ? (
        <DeleteWorkflowDialog
          workflow={deleting}
          onDeleted={actions.deleted}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
