import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConflictBadge } from './ConflictBadge.tsx';
import { ReorderControls } from './ReorderControls.tsx';
import { LastRun, RunCounts } from './RunStats.tsx';
import { StatusSwitch } from './StatusSwitch.tsx';
import { WorkflowActions } from './WorkflowActions.tsx';
import { editorPath } from './workflow-paths.ts';
import type { WorkflowViewProps } from './workflow-view-props.ts';

/** The summary view: a card per workflow saying when it starts, whether it is on, how it has run. */
export function WorkflowCards(props: WorkflowViewProps) {
  const { items, drag, reorderable } = props;
  const { t } = useTranslation();
  return (
    <ul className="workflow-cards" data-testid="workflow-cards">
      {items.map((workflow, index) => {
        const classes = [
          'workflow-card',
          drag.draggingId === workflow.id ? 'is-dragging' : '',
          drag.overId === workflow.id && drag.draggingId !== workflow.id ? 'is-drop-target' : '',
        ].join(' ');
        return (
          <li
            key={workflow.id}
            className={classes.trim()}
            data-testid="workflow-card"
            data-workflow-id={workflow.id}
            {...drag.dragProps(workflow.id)}
          >
            <div className="workflow-card__header">
              {reorderable ? (
                <ReorderControls workflow={workflow} position={index} count={items.length} drag={drag} />
              ) : null}
              <span className="badge">{props.moduleLabel(workflow.module)}</span>
              <StatusSwitch
                workflow={workflow}
                canManage={props.canManage}
                busy={props.switchingId === workflow.id}
                onToggle={props.onToggle}
              />
            </div>
            <h2 className="workflow-card__title">
              <Link to={editorPath(workflow)} className="workflow-name">
                {workflow.name}
              </Link>
              <ConflictBadge workflow={workflow} />
            </h2>
            {workflow.description ? <p className="workflow-description">{workflow.description}</p> : null}
            <dl className="workflow-card__facts">
              <dt>{t('workflows.columns.trigger')}</dt>
              <dd>
                {props.triggerText(workflow) ?? <span className="muted">{t('workflows.noTrigger')}</span>}
              </dd>
              <dt>{t('workflows.columns.lastRun')}</dt>
              <dd>
                <LastRun workflow={workflow} timeZone={props.timeZone} />
              </dd>
            </dl>
            <div className="workflow-card__footer">
              <RunCounts workflow={workflow} />
              <WorkflowActions
                workflow={workflow}
                cloning={props.cloning}
                onClone={props.onClone}
                onDelete={props.onDelete}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
