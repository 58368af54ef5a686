import { Navigate, type RouteObject } from 'react-router';
import { CreateWorkflowPage } from './pages/CreateWorkflowPage.tsx';
import { WorkflowEditorPage } from './pages/WorkflowEditorPage.tsx';
import { RunViewPage } from './run/RunViewPage.tsx';

/**
 * The designer's screens, under the signed-in layout: the create wizard, the editor of one
 * workflow (both kinds at `/workflows/:id`; care processes also at `/care-processes/:id`) and
 * the view of one run.
 */
export const editorRoutes: RouteObject[] = [
  { path: 'workflows/new', element: <CreateWorkflowPage /> },
  { path: 'workflows/:id', element: <WorkflowEditorPage /> },
  { path: 'care-processes/new', element: <Navigate to="/workflows/new?kind=schedule" replace /> },
  { path: 'care-processes/:id', element: <WorkflowEditorPage /> },
  { path: 'runs/:id', element: <RunViewPage /> },
];
