import type { ActiveLimit, Workflow } from '@crmflow/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useModules } from '../api/modules.ts';
import {
  ACTIVE_LIMIT,
  type PriorityOrder,
  useCloneWorkflow,
  useReorderWorkflows,
  useSetWorkflowStatus,
} from '../api/workflow-lists.ts';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { labelOf } from '../records/format.ts';
import { graphProblems, type Notice, SHOWN_PROBLEMS } from './notice.ts';
import { editorPath } from './workflow-paths.ts';

const SUCCESS_NOTICE_MS = 6000;

/**
 * Switch on/off, clone and reorder, each ending in a notice above the list: the 11th activation
 * and an unfinished graph are explained there, with the way out.
 */
export function useWorkflowActions(limits: Record<string, ActiveLimit>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const modules = useModules();
  const errorMessage = useErrorMessage();
  const [notice, setNotice] = useState<Notice | null>(null);
  const setStatus = useSetWorkflowStatus();
  const cloneWorkflow = useCloneWorkflow();
  const reorderWorkflows = useReorderWorkflows();

  // A success needs no answer and fades; a problem stays until read and dismissed.
  useEffect(() => {
    if (notice?.tone !== 'success') return;
    const timer = setTimeout(() => setNotice(null), SUCCESS_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const moduleName = (key: string) => {
    const module = modules.data?.find((item) => item.key === key);
    return module ? labelOf(module, locale) : key;
  };

  const statusProblem = (error: unknown, workflow: Workflow): Notice => {
    const name = workflow.name;
    if (isApiError(error) && error.code === 'active_limit') {
      const max = limits[workflow.module]?.max ?? ACTIVE_LIMIT;
      return {
        tone: 'error',
        text: t('workflows.limitError', { name, module: moduleName(workflow.module), max }),
      };
    }
    if (isApiError(error) && error.code === 'invalid_graph') {
      const problems = graphProblems(error.details);
      return {
        tone: 'error',
        text: t('workflows.invalidGraph', { name }),
        problems: problems.slice(0, SHOWN_PROBLEMS),
        more: Math.max(0, problems.length - SHOWN_PROBLEMS),
        fixLink: editorPath(workflow),
      };
    }
    return { tone: 'error', text: errorMessage(error) };
  };

  return {
    notice,
    dismiss: () => setNotice(null),
    /** The workflow whose switch is on its way to the server. */
    switchingId: setStatus.isPending ? setStatus.variables?.id : undefined,
    cloning: cloneWorkflow.isPending,
    toggle(workflow: Workflow) {
      const active = workflow.status !== 'active';
      setNotice(null);
      setStatus.mutate(
        { id: workflow.id, active },
        {
          onSuccess: () =>
            setNotice({
              tone: 'success',
              text: t(active ? 'workflows.activated' : 'workflows.deactivated', { name: workflow.name }),
            }),
          onError: (error) => setNotice(statusProblem(error, workflow)),
        },
      );
    },
    clone(workflow: Workflow) {
      setNotice(null);
      cloneWorkflow.mutate(workflow.id, {
        onSuccess: (copy) =>
          setNotice({
            tone: 'success',
            text: t('workflows.cloned', { name: copy.name }),
            link: { to: editorPath(copy), label: t('workflows.openLabel', { name: copy.name }) },
          }),
        onError: (error) => setNotice({ tone: 'error', text: errorMessage(error) }),
      });
    },
    reorder(order: PriorityOrder) {
      setNotice(null);
      reorderWorkflows.mutate(order, {
        onSuccess: () => setNotice({ tone: 'success', text: t('workflows.reorder.saved') }),
        onError: (error) => setNotice({ tone: 'error', text: errorMessage(error) }),
      });
    },
    deleted(workflow: Workflow) {
      setNotice({ tone: 'success', text: t('workflows.deleted', { name: workflow.name }) });
    },
  };
}
