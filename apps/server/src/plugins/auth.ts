import type { UserRole } from '@crmflow/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../api/auth/auth-context.ts';
import { resolveToken, SESSION_COOKIE, SESSION_DAYS } from '../api/auth/sessions.service.ts';
import type { App } from '../app-types.ts';
import { AppError } from '../errors/app-error.ts';
import { Locale, localeFromHeader } from '../i18n/locale.ts';

/** Documentation pages are public; every other route under /api needs a caller unless marked `public`. */
const isDocsRoute = (url: string) => url === '/api/openapi.json' || url.startsWith('/api/docs');

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** The token the caller presented: the bearer header wins over the cookie. */
export function presentedToken(request: FastifyRequest): string | null {
  return bearerToken(request) ?? request.cookies[SESSION_COOKIE] ?? null;
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in caller; routes that are not public can rely on it. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth;
}

/** An `onRequest` hook refusing callers whose role is not listed (403), before the body is read. */
export function requireRole(...roles: UserRole[]) {
  return async (request: FastifyRequest) => {
    const auth = authOf(request);
    if (!roles.includes(auth.user.role)) throw new AppError('forbidden');
  };
}

/**
 * Works out who is calling and in which language to answer, before validation, so that an
 * anonymous request is a 401 whatever its body, and messages follow the user's chosen locale.
 */
export function installAuth(app: App): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'vi');
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || isDocsRoute(url)) return;
    const token = presentedToken(request);
    if (token) request.auth = await resolveToken(app.database.db, token);
    const chosen = Locale.safeParse(request.auth?.user.locale);
    if (chosen.success) request.locale = chosen.data;
    if (!request.auth && !request.routeOptions.config.public) throw new AppError('unauthenticated');
  });
}
