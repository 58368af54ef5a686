import { Locale } from '@crmflow/flow';
import { z } from 'zod';

export const UserRole = z.enum(['admin', 'manager', 'member']);
export type UserRole = z.infer<typeof UserRole>;

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: UserRole,
    active: z.boolean(),
    locale: Locale.nullable(),
    phone: z.string().nullable(),
  })
  .describe('A user of the organization');
export type User = z.infer<typeof User>;

export const Organization = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timeZone: z.string(),
    locale: z.string(),
    settings: z.record(z.string(), z.unknown()),
  })
  .describe('The organization (tenant)');
export type Organization = z.infer<typeof Organization>;

/** `GET /me`. */
export const Me = z.object({ user: User, organization: Organization }).describe('The caller');
export type Me = z.infer<typeof Me>;

export const MeChanges = z.object({
  locale: Locale.nullable().optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const UpdatedMe = z.object({ user: User }).describe('The updated user');

export const Password = z.string().min(8).max(200);

export const SignupBody = z.object({
  organizationName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  password: Password,
  locale: Locale.optional(),
});

export const LoginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

export const SignedIn = z
  .object({ token: z.string(), user: User, organization: Organization })
  .describe(
    'Signed in: the session token (also set as the `crmflow_session` cookie), the user and the organization',
  );
export type SignedIn = z.infer<typeof SignedIn>;

export const UserList = z.object({ items: z.array(User) }).describe('Every user, active or not');

const Phone = z.string().trim().max(30).nullable().optional();

export const NewUser = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: UserRole,
  password: Password,
  phone: Phone,
  locale: Locale.nullable().optional(),
});

export const UserChanges = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: UserRole.optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
  phone: Phone,
});

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const TokenList = z.object({ items: z.array(ApiToken) }).describe('Tokens not revoked');

export const NewToken = z.object({ name: z.string().trim().min(1).max(100) });

export const CreatedToken = z
  .object({ id: z.uuid(), name: z.string(), token: z.string() })
  .describe('The new token: shown this once, send it as `Authorization: Bearer <token>`');
export type CreatedToken = z.infer<typeof CreatedToken>;
