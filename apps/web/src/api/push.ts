import { PushDevice, PushDeviceList, VapidPublicKey } from '@crmflow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';

export type { PushDevice } from '@crmflow/contracts';

const devicesKey = ['push', 'devices'] as const;

export function usePushDevices() {
  return useQuery({
    queryKey: devicesKey,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/push/subscriptions',
        schema: PushDeviceList,
        signal,
      }),
  });
}

export function fetchVapidPublicKey(): Promise<string> {
  return apiRequest({ path: '/api/push/vapid-public-key', schema: VapidPublicKey }).then(
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
