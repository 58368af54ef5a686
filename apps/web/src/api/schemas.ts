import { ModuleMeta } from '@crmflow/flow';
import { z } from 'zod';

/** Response shapes of the HTTP API (/work/contract.md), parsed at the boundary so the UI never guesses. */

export const Role = z.enum(['admin', 'manager', 'member']);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  locale: z.enum(['vi', 'en']).nullable().optional(),
  phone: z.string().nullable().optional(),
});
export type User = z.infer<typeof User>;

export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string().default('Asia/Ho_Chi_Minh'),
  locale: z.string().default('vi'),
  settings: z.unknown().optional(),
});
export type Organization = z.infer<typeof Organization>;

export const Me = z.object({ user: User, organization: Organization });
export type Me = z.infer<typeof Me>;

export const LoginResult = Me.extend({ token: z.string() });

export const UserList = z.object({ items: z.array(User) });

export const ModuleList = z.object({ items: z.array(ModuleMeta) });

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().nullable().optional(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().optional(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const TokenList = z.object({ items: z.array(ApiToken) });

export const CreatedToken = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;
