import { createHash, timingSafeEqual } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { App } from '../app-types.ts';
import { AppError } from '../errors/app-error.ts';
import { presentedToken } from './auth.ts';

/**
 * The Content-Security-Policy of every response. The SPA and the API docs load scripts only from
 * this origin (no inline script anywhere); styles may be inline (the canvas positions nodes with
 * style attributes); nothing may frame the app.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Security headers on every response: CSP, no framing, nosniff, a strict referrer. */
export async function installSecurityHeaders(app: App): Promise<void> {
  await app.register(helmet, {
    global: true,
    // Plain HTTP on a LAN must keep working: no upgrade-insecure-requests.
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

const keyOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Who a request counts against: its token (bearer or session cookie), else its address. */
export function rateLimitKey(request: FastifyRequest): string {
  const token = presentedToken(request);
  return token ? `t:${keyOf(token)}` : `a:${request.ip}`;
}

/**
 * `/api` requests per minute per token (per address when anonymous), counted in this process:
 * N API processes let through up to N times as many. 0 switches the limit off. Login and
 * sign-up have their own limits, shared through the database (see auth/login-limit.ts).
 */
export async function installApiRateLimit(app: App, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('rate_limited', { params: { seconds, minutes: Math.ceil(seconds / 60) } });
    },
  });
}

/**
 * `/metrics` tells a stranger how busy the server is and which routes exist: it needs the
 * operator's `CRMFLOW_METRICS_TOKEN` as a bearer token, and is not served at all without one.
 */
export function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (!token) return false;
  const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}
