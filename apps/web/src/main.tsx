import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { AppProviders } from './app/AppProviders.tsx';
import { routes } from './app/routes.tsx';
import { installSessionGuard } from './app/session-guard.ts';
import { initI18n } from './i18n/index.ts';
import { registerServiceWorker } from './pwa/register-sw.ts';
import './styles/base.css';
import './styles/controls.css';

initI18n();
const queryClient = createQueryClient();
const router = createBrowserRouter(routes);

installSessionGuard({ router, queryClient });
registerServiceWorker();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}
