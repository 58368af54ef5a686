import { OrganizationSettings } from '@crmflow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey } from './auth.ts';
import { apiRequest } from './client.ts';

export type OrganizationChanges = Partial<Omit<OrganizationSettings, 'id'>>;

const organizationKey = ['organization'] as const;

export function useOrganization() {
  return useQuery({
    queryKey: organizationKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/organization', schema: OrganizationSettings, signal }),
  });
}

export function useSaveOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: OrganizationChanges) =>
      apiRequest({ path: '/api/organization', method: 'PATCH', body: changes, schema: OrganizationSettings }),
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationKey, saved);
      // The header and every date shown read the organization from /api/me.
      return queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
