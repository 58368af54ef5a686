import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { meKey } from './auth.ts';
import { apiRequest } from './client.ts';

export const OrganizationSettings = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  locale: z.enum(['vi', 'en']),
  leapDay: z.enum(['feb28', 'mar1']),
  allowPrivateNetwork: z.boolean(),
  runRetentionDays: z.number(),
  historyRetentionDays: z.number(),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;
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
