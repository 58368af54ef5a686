import { describe, expect, it } from 'vitest';
import {
  errorResponse,
  extractNotifications,
  type FrontendMessage,
  MessageFramer,
  ProtocolError,
  protocolMessage,
  simpleQuery,
  statementText,
} from './wire-protocol.ts';

function startupPacket(code: number, body = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(code, 4);
  return Buffer.concat([header, body]);
}

const startup = startupPacket(196_608, Buffer.from('user\0postgres\0\0'));
const parse = protocolMessage('P', Buffer.from('\0select $1::int\0\0\0'));
const sync = protocolMessage('S');
const conversation = Buffer.concat([
  startupPacket(80_877_103),
  startup,
  parse,
  sync,
  simpleQuery('select 1'),
]);

function describeMessages(messages: FrontendMessage[]): string[] {
  return messages.map((message) => (message.kind === 'message' ? message.type : message.kind));
}

describe('MessageFramer', () => {
  const splits = [1, 2, 5, 7, 8, 9, 13, 31, 40, conversation.length - 1];

  it.each(splits)('frames the same messages when the stream is cut every %i bytes', (size) => {
    const framer = new MessageFramer();
    const messages: FrontendMessage[] = [];
    for (let offset = 0; offset < conversation.length; offset += size) {
      messages.push(...framer.push(conversation.subarray(offset, offset + size)));
    }
    expect(describeMessages(messages)).toEqual(['encryption-request', 'startup', 'P', 'S', 'Q']);
    const last = messages.at(-1);
    expect(last?.kind === 'message' && last.bytes).toEqual(simpleQuery('select 1'));
  });

  it.each([
    { name: 'an SSL request', packet: startupPacket(80_877_103), kind: 'encryption-request' },
    { name: 'a GSS encryption request', packet: startupPacket(80_877_104), kind: 'encryption-request' },
    { name: 'a cancel request', packet: startupPacket(80_877_102, Buffer.alloc(8)), kind: 'cancel-request' },
    { name: 'protocol 2', packet: startupPacket(131_072), kind: 'unsupported-protocol' },
    { name: 'protocol 3.0', packet: startup, kind: 'startup' },
  ])('tells $name apart in the start-up phase', ({ packet, kind }) => {
    expect(describeMessages(new MessageFramer().push(packet))).toEqual([kind]);
  });

  it.each([
    { name: 'a start-up packet', bytes: startupPacket(196_608).fill(0, 0, 4) },
    { name: 'a message', bytes: Buffer.concat([startup, Buffer.from([0x51, 0, 0, 0, 2])]) },
  ])('refuses $name whose length cannot be right', ({ bytes }) => {
    expect(() => new MessageFramer().push(bytes)).toThrow(ProtocolError);
  });
});

describe('statementText', () => {
  it.each([
    { message: simpleQuery('select 1'), text: 'select 1' },
    { message: parse, text: 'select $1::int' },
    { message: protocolMessage('P', Buffer.from('stmt_1\0listen jobs\0\0\0')), text: 'listen jobs' },
    { message: sync, text: null },
  ])('reads $text', ({ message, text }) => {
    expect(statementText({ type: String.fromCharCode(message[0] ?? 0), bytes: message })).toBe(text);
  });
});

describe('extractNotifications', () => {
  const notification = (channel: string, payload: string) => {
    const body = Buffer.concat([Buffer.from([0, 0, 0, 1]), Buffer.from(`${channel}\0${payload}\0`)]);
    return protocolMessage('A', body);
  };
  const commandComplete = protocolMessage('C', Buffer.from('SELECT 1\0'));
  const ready = protocolMessage('Z', Buffer.from('I'));

  it('lifts notifications out of a reply and keeps the rest in order', () => {
    const output = Buffer.concat([
      commandComplete,
      notification('jobs', 'a'),
      ready,
      notification('mail', 'b'),
    ]);
    const { reply, notifications } = extractNotifications(output);
    expect(reply).toEqual(Buffer.concat([commandComplete, ready]));
    expect(notifications.map((n) => [n.channel, n.bytes])).toEqual([
      ['jobs', notification('jobs', 'a')],
      ['mail', notification('mail', 'b')],
    ]);
  });

  it('hands back a reply without notifications untouched', () => {
    const output = Buffer.concat([commandComplete, ready]);
    expect(extractNotifications(output)).toEqual({ reply: output, notifications: [] });
  });
});

describe('errorResponse', () => {
  it('carries severity, code and message as the server sends them', () => {
    const bytes = errorResponse({ severity: 'FATAL', code: '53300', message: 'too many' });
    expect(bytes.subarray(0, 1).toString()).toBe('E');
    expect(bytes.readInt32BE(1)).toBe(bytes.length - 1);
    expect(bytes.subarray(5).toString()).toBe('SFATAL\0VFATAL\0C53300\0Mtoo many\0\0');
  });
});
