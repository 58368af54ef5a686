import type { WorkflowKind } from '@crmflow/flow';

/** Where each kind's list lives; the editor of one workflow sits under it. */
export const listPathOf: Record<WorkflowKind, string> = {
  event: '/workflows',
  schedule: '/care-processes',
};

export function editorPath(workflow: { id: string; kind: WorkflowKind }): string {
  return `${listPathOf[workflow.kind]}/${encodeURIComponent(workflow.id)}`;
}

/** The create wizard, which asks for the module and the name first. */
export function newWorkflowPath(kind: WorkflowKind): string {
  return `/workflows/new?kind=${kind}`;
}

export function galleryPath(kind: WorkflowKind): string {
  return `/templates?kind=${kind}`;
}

export function runsOfWorkflowPath(id: string): string {
  return `/runs?workflowId=${encodeURIComponent(id)}`;
}
