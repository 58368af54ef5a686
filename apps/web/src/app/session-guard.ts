import type { QueryClient } from '@tanstack/react-query';
import type { createBrowserRouter } from 'react-router';
import { setUnauthorizedHandler } from '../api/client.ts';

type AppRouter = Pick<ReturnType<typeof createBrowserRouter>, 'navigate' | 'state'>;

/**
 * A session that expires mid-use lands on the sign-in page, which brings the user back afterwards.
 * Cached data of the old session is dropped so nothing of it shows to the next user.
 */
export function installSessionGuard({
  router,
  queryClient,
}: {
  router: AppRouter;
  queryClient: QueryClient;
}): void {
  setUnauthorizedHandler(() => {
    const { pathname, search } = router.state.location;
    if (pathname === '/login') return;
    queryClient.clear();
    void router.navigate('/login', { replace: true, state: { from: pathname + search } });
  });
}
