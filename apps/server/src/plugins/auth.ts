import type { UserRole } from '@crmflow/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../api/auth/auth-context.ts';
import { startSessionCache } from '../api/auth/session-cache.ts';
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

/** Routes whose writes change who a session is (sign-in and out, users, oneself, the organization). */
const changesCallers = /^\/api\/(auth|users|me|organization)(\/|$)/;
const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling and in which language to answer, before validation, so that an
 * anonymous request is a 401 whatever its body, and messages follow the user's chosen locale.
 * Sessions are kept in a cache invalidated by the database's notifications (session-cache.ts);
 * a write through this process's own routes that may change a caller clears it before its
 * answer leaves, so the caller's next request never sees the old state.
 */
export function installAuth(app: App): void {
  const sessionCache = startSessionCache(app.database);
  app.decorate('sessionCache', sessionCache);
  app.addHook('onClose', async () => sessionCache.stop());
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!reads.has(request.method) && changesCallers.test(request.routeOptions.url ?? '')) {
      sessionCache.clear();
    }
    return payload;
  });
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'vi');
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || isDocsRoute(url)) return;
    const token = presentedToken(request);
    if (token) request.auth = await resolveToken(app.database.db, token, sessionCache);
    const chosen = Locale.safeParse(request.auth?.user.locale);
    if (chosen.success) request.locale = chosen.data;
    if (!request.auth && !request.routeOptions.config.public) throw new AppError('unauthenticated');
  });
}
