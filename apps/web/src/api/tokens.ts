import { CreatedToken, TokenList } from '@crmflow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';

const tokensKey = ['tokens'] as const;

export function useTokens(options: { enabled: boolean }) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/tokens', schema: TokenList, signal }),
    select: (list) => list.items,
    enabled: options.enabled,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiRequest({ path: '/api/tokens', method: 'POST', body: { name }, schema: CreatedToken }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend({ path: `/api/tokens/${encodeURIComponent(id)}`, method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
