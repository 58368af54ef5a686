import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConflictBadge } from './ConflictBadge.tsx';
import { ReorderControls } from './ReorderControls.tsx';
import { LastRun, RunCounts } from './RunStats.tsx';
import { StatusSwitch } from './StatusSwitch.tsx';
import { WorkflowActions } from './WorkflowActions.tsx';
import { editorPath } from './workflow-paths.ts';
import type { WorkflowViewProps } from './workflow-view-props.ts';

/** The table view: one row per workflow, in priority order within each module. */
export function WorkflowTable(props: WorkflowViewProps) {
  const { items, drag, reorderable } = props;
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table workflow-table" data-testid="workflows-table">
        <thead>
          <tr>
            {reorderable ? <th className="workflow-table__order">{t('workflows.columns.order')}</th> : null}
            <th>{t('workflows.columns.name')}</th>
            <th>{t('workflows.columns.module')}</th>
            <th>{t('workflows.columns.trigger')}</th>
            <th>{t('workflows.columns.status')}</th>
            <th>{t('workflows.columns.lastRun')}</th>
            <th>{t('workflows.columns.runs')}</th>
            <th className="visually-hidden-header">
              <span className="visually-hidden">{t('workflows.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((workflow, index) => {
            const classes = [
              drag.draggingId === workflow.id ? 'is-dragging' : '',
              drag.overId === workflow.id && drag.draggingId !== workflow.id ? 'is-drop-target' : '',
            ].join(' ');
            return (
              <tr
                key={workflow.id}
                data-testid="workflow-row"
                data-workflow-id={workflow.id}
                className={classes.trim() || undefined}
                {...drag.dragProps(workflow.id)}
              >
                {reorderable ? (
                  <td className="nowrap">
                    <ReorderControls workflow={workflow} position={index} count={items.length} drag={drag} />
                  </td>
                ) : null}
                <td className="workflow-table__name">
                  <Link to={editorPath(workflow)} className="workflow-name">
                    {workflow.name}
                  </Link>
                  <ConflictBadge workflow={workflow} />
                  {workflow.description ? (
                    <p className="workflow-description">{workflow.description}</p>
                  ) : null}
                </td>
                <td className="nowrap">{props.moduleLabel(workflow.module)}</td>
                <td className="workflow-table__trigger">
                  {props.triggerText(workflow) ?? <span className="muted">{t('workflows.noTrigger')}</span>}
                </td>
                <td className="nowrap">
                  <StatusSwitch
                    workflow={workflow}
                    canManage={props.canManage}
                    busy={props.switchingId === workflow.id}
                    onToggle={props.onToggle}
                  />
                </td>
                <td className="nowrap">
                  <LastRun workflow={workflow} timeZone={props.timeZone} />
                </td>
                <td className="nowrap">
                  <RunCounts workflow={workflow} />
                </td>
                <td className="nowrap">
                  <WorkflowActions
                    workflow={workflow}
                    cloning={props.cloning}
                    onClone={props.onClone}
                    onDelete={props.onDelete}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
