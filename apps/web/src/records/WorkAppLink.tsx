import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiRequest, isApiError } from '../api/client.ts';
import '../styles/admin-settings.css';

const Synced = z.object({ externalId: z.string(), url: z.string().nullable() });

/** On a task's page: where it lives in the work app, when a workflow synced it there. */
export function WorkAppLink({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const synced = useQuery({
    queryKey: ['work-app-task', taskId],
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest({
          path: `/api/tasks/${encodeURIComponent(taskId)}/work-app`,
          schema: Synced,
          signal,
        });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
  if (!synced.data) return null;
  const { externalId, url } = synced.data;
  return (
    <section
      className="card work-app-link"
      aria-label={t('workAppSync.linkTitle')}
      data-testid="work-app-link"
    >
      <strong>{t('workAppSync.linkTitle')}</strong>{' '}
      {url ? (
        <a href={url} target="_blank" rel="noreferrer">
          {t('workAppSync.open', { id: externalId })}
        </a>
      ) : (
        <span className="mono">{externalId}</span>
      )}
    </section>
  );
}
