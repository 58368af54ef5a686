import { join } from 'node:path';
import type { ConnectionOptions, Database } from '@crmflow/db';
import * as schema from '@crmflow/db/schema';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

/**
 * Another process's client of the embedded database, on its socket. Statements are not named
 * (`prepare: false`): every client shares PGlite's one session, where names would collide.
 */
export function connectEmbedded(connection: ConnectionOptions, max = 4): Database {
  const sql = postgres({
    ...connection,
    path: join(connection.host, `.s.PGSQL.${connection.port}`),
    max,
    prepare: false,
    onnotice: () => {},
  });
  const db = Object.assign(drizzle(sql, { schema, casing: 'snake_case' }), { $client: sql });
  return {
    db,
    sql,
    connection,
    mode: 'embedded',
    statementsSent: () => null,
    close: () => sql.end({ timeout: 2 }),
  };
}
