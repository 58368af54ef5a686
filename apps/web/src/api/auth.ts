import { Me, SignedIn } from '@crmflow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/me', schema: Me, signal }),
  });
}

export interface Credentials {
  email: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      apiRequest({ path: '/api/auth/login', method: 'POST', body: credentials, schema: SignedIn }),
    onSuccess: ({ user, organization }) => {
      queryClient.clear();
      queryClient.setQueryData(meKey, { user, organization });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend({ path: '/api/auth/logout', method: 'POST' }),
    onSettled: () => queryClient.clear(),
  });
}

/** Saves the language on the user, so messages the server writes later (emails, notifications) follow it. */
export function useSaveMyLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: 'vi' | 'en') => apiSend({ path: '/api/me', method: 'PATCH', body: { locale } }),
    onSuccess: (_result, locale) =>
      queryClient.setQueryData(meKey, (me: Me | undefined) =>
        me ? { ...me, user: { ...me.user, locale } } : me,
      ),
  });
}
