import { type UserRole as Role, User, UserList } from '@crmflow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/users', schema: UserList, signal }),
    select: (list) => list.items,
  });
}

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  password: string;
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) =>
      apiRequest({ path: '/api/users', method: 'POST', body: input, schema: User }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export interface UserChange {
  id: string;
  name?: string;
  role?: Role;
  active?: boolean;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: UserChange) =>
      apiRequest({
        path: `/api/users/${encodeURIComponent(id)}`,
        method: 'PATCH',
        body: change,
        schema: User,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
