import { CONNECT_TIMEOUT_S, type Database } from '@crmflow/db';
import postgres from 'postgres';
import type { AuthContext } from './auth-context.ts';

/**
 * The channel the database notifies when sessions, users or organizations change (statement
 * triggers of migration 0002): sign-out, password reset, role change, deactivation, an
 * organization's settings — by any process, or plain SQL.
 */
export const AUTH_CHANNEL = 'crmflow_auth_changed';

/**
 * The longest a cached caller is trusted without reading the database again: the bound of the
 * stale window should the listening connection die without the socket saying so.
 */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const RELISTEN_MS = 1_000;

type Entry = { auth: AuthContext; expiresAt: number; cachedAt: number };

export type SessionCache = {
  /** The caller behind a session token hash, when cached and still fresh. */
  get(tokenHash: string): AuthContext | undefined;
  /**
   * Taken before a session is read: `set` keeps what was read only if no change was heard in
   * between, so a read that raced a sign-out or a demotion is never cached.
   */
  generation(): number;
  set(tokenHash: string, auth: AuthContext, expiresAt: Date, generation: number): void;
  /** Forgets every cached caller (a change was heard, or this process made one). */
  clear(): void;
  /** Whether cached callers are served: only while the change notifications are heard. */
  active(): boolean;
  stop(): Promise<void>;
};

/** The cache's bookkeeping, apart from how changes are heard (tested on its own). */
export function sessionEntries(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  let generation = 0;
  return {
    get(tokenHash: string): AuthContext | undefined {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      const t = now();
      if (t >= entry.expiresAt || t - entry.cachedAt >= SESSION_CACHE_TTL_MS) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.auth;
    },
    generation: () => generation,
    set(tokenHash: string, auth: AuthContext, expiresAt: Date, at: number): void {
      if (at !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(tokenHash, { auth, expiresAt: expiresAt.getTime(), cachedAt: now() });
    },
    clear(): void {
      generation += 1;
      entries.clear();
    },
    size: () => entries.size,
  };
}

/**
 * Session token hash → caller, for this API process, invalidated across processes by LISTEN on
 * {@link AUTH_CHANNEL}: every notification clears it. It serves nothing until the LISTEN is in
 * place, and stops serving (and clears) the moment the listening connection closes, until it
 * listens again — notifications missed meanwhile cannot leave a stale caller behind. So a
 * signed-out session or a demoted user is seen by other processes within a notification's
 * delay (milliseconds), by this process at once (the routes that change them clear it), and
 * never later than {@link SESSION_CACHE_TTL_MS}. The embedded database has one process and no
 * cache: every request reads its session.
 */
export function startSessionCache(database: Pick<Database, 'mode' | 'connection'>): SessionCache {
  const entries = sessionEntries();
  let listening = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const lost = () => {
    listening = false;
    entries.clear();
  };
  const client =
    database.mode === 'postgres'
      ? postgres({
          ...database.connection,
          max: 1,
          prepare: false,
          fetch_types: false,
          idle_timeout: 0,
          max_lifetime: null,
          connect_timeout: CONNECT_TIMEOUT_S,
          backoff: () => 0,
          onnotice: () => {},
          connection: { application_name: 'crmflow-sessions' },
          onclose: () => {
            lost();
            relistenLater();
          },
          ...{ onnotify: () => entries.clear() },
        })
      : null;
  const listen = () => {
    if (!client || stopped) return;
    client`listen ${client(AUTH_CHANNEL)}`
      .then(() => {
        if (stopped) return;
        entries.clear();
        listening = true;
      })
      .catch(() => {
        lost();
        relistenLater();
      });
  };
  const relistenLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      listen();
    }, RELISTEN_MS);
    retry.unref();
  };
  listen();
  return {
    get: (tokenHash) => (listening ? entries.get(tokenHash) : undefined),
    generation: entries.generation,
    set(tokenHash, auth, expiresAt, generation) {
      if (listening) entries.set(tokenHash, auth, expiresAt, generation);
    },
    clear: entries.clear,
    active: () => listening,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      lost();
      await client?.end({ timeout: 1 });
    },
  };
}
