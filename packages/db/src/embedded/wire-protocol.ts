/**
 * Just enough of the PostgreSQL frontend/backend protocol (version 3) to frame what clients
 * send and to pick apart what PGlite answers. Every message after start-up is one type byte
 * and an int32 length that counts itself but not the type byte; start-up-phase packets have
 * no type byte.
 */

const PROTOCOL_MAJOR_3 = 3;
const SSL_REQUEST_CODE = 80_877_103;
const GSSENC_REQUEST_CODE = 80_877_104;
const CANCEL_REQUEST_CODE = 80_877_102;
/** Far above anything our clients send; a bigger length means the stream is garbage. */
const MAX_MESSAGE_LENGTH = 1 << 30;

export type FrontendMessage =
  /** Asks for TLS or GSS encryption: the answer is a single byte, 'N' for no. */
  | { kind: 'encryption-request' }
  | { kind: 'cancel-request' }
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'unsupported-protocol'; version: number }
  | { kind: 'message'; type: string; bytes: Buffer };

export class ProtocolError extends Error {}

/** Cuts one client's byte stream into whole messages, whatever the socket's chunking. */
export class MessageFramer {
  #buffer: Buffer = Buffer.alloc(0);
  #startupPhase = true;

  push(chunk: Buffer): FrontendMessage[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const messages: FrontendMessage[] = [];
    for (;;) {
      const message = this.#startupPhase ? this.#nextStartupPacket() : this.#nextMessage();
      if (!message) return messages;
      messages.push(message);
    }
  }

  #take(length: number): Buffer {
    const bytes = this.#buffer.subarray(0, length);
    this.#buffer = this.#buffer.subarray(length);
    return bytes;
  }

  #nextStartupPacket(): FrontendMessage | null {
    if (this.#buffer.length < 8) return null;
    const length = this.#buffer.readInt32BE(0);
    if (length < 8 || length > MAX_MESSAGE_LENGTH)
      throw new ProtocolError(`invalid start-up packet length ${length}`);
    if (this.#buffer.length < length) return null;
    const code = this.#buffer.readInt32BE(4);
    const bytes = this.#take(length);
    if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) return { kind: 'encryption-request' };
    if (code === CANCEL_REQUEST_CODE) return { kind: 'cancel-request' };
    if (code >>> 16 !== PROTOCOL_MAJOR_3) return { kind: 'unsupported-protocol', version: code };
    this.#startupPhase = false;
    return { kind: 'startup', bytes };
  }

  #nextMessage(): FrontendMessage | null {
    if (this.#buffer.length < 5) return null;
    const length = this.#buffer.readInt32BE(1);
    if (length < 4 || length > MAX_MESSAGE_LENGTH)
      throw new ProtocolError(`invalid message length ${length}`);
    if (this.#buffer.length < length + 1) return null;
    const type = String.fromCharCode(this.#buffer[0] ?? 0);
    return { kind: 'message', type, bytes: this.#take(length + 1) };
  }
}

/** The SQL text of a simple Query ('Q') or of a Parse ('P'), which names its statement first. */
export function statementText(message: { type: string; bytes: Buffer }): string | null {
  const body = message.bytes.subarray(5);
  if (message.type === 'Q') return body.toString('utf8', 0, Math.max(0, body.indexOf(0)));
  if (message.type !== 'P') return null;
  const start = body.indexOf(0) + 1;
  return body.toString('utf8', start, Math.max(start, body.indexOf(0, start)));
}

export function protocolMessage(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

export function simpleQuery(sql: string): Buffer {
  return protocolMessage('Q', Buffer.from(`${sql}\0`, 'utf8'));
}

/** An ErrorResponse ('E') as the server would send it; FATAL ones precede closing the socket. */
export function errorResponse(error: {
  severity: 'ERROR' | 'FATAL';
  code: string;
  message: string;
  detail?: string;
}): Buffer {
  const fields = [`S${error.severity}`, `V${error.severity}`, `C${error.code}`, `M${error.message}`];
  if (error.detail) fields.push(`D${error.detail}`);
  return protocolMessage('E', Buffer.from(`${fields.join('\0')}\0\0`, 'utf8'));
}

/**
 * Splits PGlite's answer into what belongs to the connection that asked and the
 * NotificationResponses ('A'), which belong to whichever connection listens on their channel.
 */
export function extractNotifications(output: Buffer): {
  reply: Buffer;
  notifications: { channel: string; bytes: Buffer }[];
} {
  const notifications: { channel: string; bytes: Buffer }[] = [];
  const reply: Buffer[] = [];
  let start = 0;
  let offset = 0;
  while (offset + 5 <= output.length) {
    const end = offset + 1 + output.readInt32BE(offset + 1);
    if (output[offset] === 0x41) {
      const bytes = output.subarray(offset, end);
      const channelStart = 9;
      notifications.push({
        channel: bytes.toString('utf8', channelStart, bytes.indexOf(0, channelStart)),
        bytes,
      });
      reply.push(output.subarray(start, offset));
      start = end;
    }
    offset = end;
  }
  if (notifications.length === 0) return { reply: output, notifications };
  reply.push(output.subarray(start));
  return { reply: Buffer.concat(reply), notifications };
}
