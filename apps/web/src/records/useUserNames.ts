import { useMemo } from 'react';
import { useUsers } from '../api/users.ts';

/** Names of the organization's users by id, for user fields. */
export function useUserNames(): Map<string, string> {
  const users = useUsers();
  return useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user.name])), [users.data]);
}
