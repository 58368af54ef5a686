/**
 * PGlite is one session, so LISTEN registers the session, not the connection that asked, and a
 * notification comes back inside whichever connection's reply happens to be running. The router
 * remembers which connection listens on which channel and hands each notification to those only.
 */

export type Listener = { send(bytes: Buffer): void };

type ListenCommand = { action: 'listen' | 'unlisten'; channel: string };

const LISTEN_PATTERN = /(?:^|;)\s*(unlisten|listen)\s+(\*|"(?:[^"]|"")+"|[a-z_][\w$]*)/gi;

/** Channels named by the LISTEN / UNLISTEN commands in one statement text (`*` = every channel). */
export function listenCommands(sql: string): ListenCommand[] {
  const commands: ListenCommand[] = [];
  for (const match of sql.matchAll(LISTEN_PATTERN)) {
    const action = match[1]?.toLowerCase() === 'listen' ? 'listen' : 'unlisten';
    const name = match[2] ?? '';
    // Quoted identifiers keep their case; bare ones fold to lower case, as the server does.
    const channel = name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.toLowerCase();
    commands.push({ action, channel });
  }
  return commands;
}

export class NotificationRouter {
  #channels = new Map<Listener, Set<string>>();

  /** Called with the text of every statement a connection sends. */
  observe(listener: Listener, sql: string): void {
    if (!/listen/i.test(sql)) return;
    for (const { action, channel } of listenCommands(sql)) {
      const channels = this.#channels.get(listener) ?? new Set<string>();
      if (action === 'listen') channels.add(channel);
      else if (channel === '*') channels.clear();
      else channels.delete(channel);
      if (channels.size > 0) this.#channels.set(listener, channels);
      else this.#channels.delete(listener);
    }
  }

  forget(listener: Listener): void {
    this.#channels.delete(listener);
  }

  route(notifications: { channel: string; bytes: Buffer }[]): void {
    for (const { channel, bytes } of notifications) {
      for (const [listener, channels] of this.#channels) {
        if (channels.has(channel)) listener.send(bytes);
      }
    }
  }
}
