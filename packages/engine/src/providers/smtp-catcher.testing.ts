import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = { envelopeTo: string[]; mail: ParsedMail };

/**
 * A real SMTP server on 127.0.0.1 for tests, keeping every message it accepts. Recipients at
 * `bounce.test` are refused for good (550), at `busy.test` for now (450). `replyDelayMs` keeps
 * a complete message waiting that long for its final reply: it is kept already, the sender
 * does not know yet, as with a slow relay.
 */
export async function startSmtpCatcher(
  options: { user?: string; password?: string; replyDelayMs?: number } = {},
) {
  const messages: CaughtMail[] = [];
  let awaitingReply = 0;
  const server = new SMTPServer({
    disabledCommands: options.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@bounce.test')) {
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      if (address.address.endsWith('@busy.test')) {
        return callback(Object.assign(new Error('Try again later'), { responseCode: 450 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          if (!options.replyDelayMs) return callback();
          awaitingReply += 1;
          setTimeout(() => {
            awaitingReply -= 1;
            callback();
          }, options.replyDelayMs);
        })
        .catch(callback);
    },
  });
  // A sender that dies mid-conversation resets its connection; that is the sender's story.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The SMTP server has no TCP port');
  return {
    port: address.port,
    messages,
    /** Messages kept whose sender has not had the final reply yet. */
    awaitingReply: () => awaitingReply,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the counting server keeps of a message: its envelope and two headers, nothing parsed. */
export type CountedMail = { envelopeTo: string[]; messageId: string; subject: string };

const header = (head: string, name: string) =>
  new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ??
  '';

/**
 * A real SMTP server on 127.0.0.1 for load tests: accepts everything and keeps only each
 * message's recipients, Message-ID and raw Subject, so hundreds of messages a second cost it
 * little. Duplicates show as a Message-ID kept twice.
 */
export async function startSmtpCounter() {
  const messages: CountedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const end = raw.search(/\r?\n\r?\n/);
        const head = end < 0 ? raw : raw.slice(0, end);
        messages.push({
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(head, 'Message-ID').trim(),
          subject: header(head, 'Subject').trim(),
        });
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The SMTP server has no TCP port');
  return {
    port: address.port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
