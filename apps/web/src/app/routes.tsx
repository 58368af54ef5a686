import { Navigate, type RouteObject } from 'react-router';
import { editorRoutes } from '../editor/editor-routes.tsx';
import { GalleryPage } from '../gallery/GalleryPage.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { CareCardsPage } from '../my-work/CareCardsPage.tsx';
import { MyTasksPage } from '../my-work/MyTasksPage.tsx';
import { OutboxPage } from '../outbox/OutboxPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { ProfilePage } from '../profile/ProfilePage.tsx';
import { RecordFormPage } from '../records/RecordFormPage.tsx';
import { RecordsPage } from '../records/RecordsPage.tsx';
import { RunsPage } from '../runs/RunsPage.tsx';
import { AllocationRulesTab } from '../settings/AllocationRulesTab.tsx';
import { OrganizationTab } from '../settings/OrganizationTab.tsx';
import { ProvidersTab } from '../settings/ProvidersTab.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { TokensTab } from '../settings/TokensTab.tsx';
import { templateSettingsRoutes } from '../settings/templates/admin-settings.tsx';
import { UsersTab } from '../settings/UsersTab.tsx';
import { WorkflowListPage } from '../workflows/WorkflowListPage.tsx';

/** Every screen of the SPA. Signed-in screens live under `AppLayout`, which sends guests to /login. */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/workflows" replace /> },
      { path: 'workflows', element: <WorkflowListPage kind="event" /> },
      { path: 'care-processes', element: <WorkflowListPage kind="schedule" /> },
      { path: 'templates', element: <GalleryPage /> },
      { path: 'records', element: <Navigate to="/records/order" replace /> },
      { path: 'records/:module', element: <RecordsPage /> },
      { path: 'records/:module/new', element: <RecordFormPage /> },
      { path: 'records/:module/:id', element: <RecordFormPage /> },
      { path: 'runs', element: <RunsPage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'my-tasks', element: <MyTasksPage /> },
      { path: 'care-cards', element: <CareCardsPage /> },
      { path: 'profile', element: <ProfilePage /> },
      ...editorRoutes,
      {
        path: 'settings',
        element: <SettingsPage />,
        children: [
          { index: true, element: <Navigate to="/settings/users" replace /> },
          { path: 'users', element: <UsersTab /> },
          { path: 'tokens', element: <TokensTab /> },
          { path: 'organization', element: <OrganizationTab /> },
          { path: 'providers', element: <ProvidersTab /> },
          { path: 'allocation-rules', element: <AllocationRulesTab /> },
          ...templateSettingsRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
