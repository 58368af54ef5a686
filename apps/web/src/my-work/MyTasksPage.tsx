import { todayIn } from '@crmflow/flow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useMyOpenTasks } from '../api/my-work.ts';
import type { CrmRecord } from '../api/records.ts';
import { useSaveRecord } from '../api/records.ts';
import { CheckIcon } from '../components/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { formatDate } from '../records/format.ts';
import '../styles/my-work.css';
import { TaskListIcon } from './my-work-icons.tsx';
import { groupTasks } from './task-groups.ts';

const titleOf = (task: CrmRecord) => (typeof task.data.title === 'string' ? task.data.title : '');

/** Việc của tôi: the signed-in user's open tasks, overdue and due today first, each done with one tap. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tasks = useMyOpenTasks(me.data?.user.id);
  const save = useSaveRecord('task');
  const errorMessage = useErrorMessage();
  const [done, setDone] = useState<string | null>(null);

  const timeZone = me.data?.organization.timeZone ?? 'Asia/Ho_Chi_Minh';
  const groups = groupTasks(tasks.data?.items ?? [], todayIn(timeZone, new Date()));
  const markDone = (task: CrmRecord) =>
    save.mutate(
      { id: task.id, data: { status: 'done' }, version: task.version },
      { onSuccess: () => setDone(titleOf(task) || t('myTasks.untitled')) },
    );

  return (
    <div className="page page--narrow my-work">
      <header className="page__header">
        <div className="page__titles">
          <h1>{t('myTasks.title')}</h1>
          <p className="page__subtitle">{t('myTasks.subtitle')}</p>
        </div>
      </header>
      <p className="visually-hidden" role="status">
        {done ? t('myTasks.marked', { title: done }) : ''}
      </p>
      {save.isError ? <ErrorState message={errorMessage(save.error)} /> : null}
      {tasks.isPending ? (
        <LoadingState />
      ) : tasks.isError ? (
        <ErrorState message={errorMessage(tasks.error)} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <EmptyState
          icon={<TaskListIcon size={24} />}
          title={t('myTasks.empty')}
          body={t('myTasks.emptyBody')}
        />
      ) : (
        (['overdue', 'today', 'later'] as const).map((group) =>
          groups[group].length === 0 ? null : (
            <section key={group} className="my-work__group" aria-labelledby={`tasks-${group}`}>
              <h2 id={`tasks-${group}`} className={`my-work__heading my-work__heading--${group}`}>
                {t(`myTasks.${group}`)} <span className="my-work__count">{groups[group].length}</span>
              </h2>
              <ul className="my-work__list">
                {groups[group].map((task) => {
                  const title = titleOf(task) || t('myTasks.untitled');
                  const due = task.data.due_date;
                  return (
                    <li key={task.id} className="card my-work__item" data-testid="my-task">
                      <div className="my-work__body">
                        <Link to={`/records/task/${task.id}`} className="my-work__title">
                          {title}
                        </Link>
                        <span className={group === 'overdue' ? 'my-work__meta is-late' : 'my-work__meta'}>
                          {due ? t('myTasks.due', { date: formatDate(due) }) : t('myTasks.noDue')}
                        </span>
                      </div>
                      <button
                        type="button"
                        className="btn my-work__done"
                        aria-label={t('myTasks.markDone', { title })}
                        disabled={save.isPending && save.variables?.id === task.id}
                        onClick={() => markDone(task)}
                      >
                        <CheckIcon size={18} />
                        {t('myTasks.done')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ),
        )
      )}
    </div>
  );
}
