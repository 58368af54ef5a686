import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, apiSend } from './client.ts';

export const PushDevice = z.object({
  id: z.string(),
  label: z.string(),
  endpoint: z.string(),
  createdAt: z.string(),
  lastPushedAt: z.string().nullable(),
});
export type PushDevice = z.infer<typeof PushDevice>;

const devicesKey = ['push', 'devices'] as const;

export function usePushDevices() {
  return useQuery({
    queryKey: devicesKey,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/push/subscriptions',
        schema: z.object({ items: z.array(PushDevice) }),
        signal,
      }),
  });
}

export function fetchVapidPublicKey(): Promise<string> {
  return apiRequest({ path: '/api/push/vapid-public-key', schema: z.object({ publicKey: z.string() }) }).then(
    (answer) => answer.publicKey,
  );
}

export function saveDevice(subscription: PushSubscriptionJSON & { label: string }): Promise<PushDevice> {
  return apiRequest({
    path: '/api/push/subscriptions',
    method: 'POST',
    body: subscription,
    schema: PushDevice,
  });
}

export function useRemoveDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend({ path: `/api/push/subscriptions/${encodeURIComponent(id)}`, method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: devicesKey }),
  });
}

export function useInvalidateDevices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: devicesKey });
}
