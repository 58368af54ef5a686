import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction, connect as netConnect, type Socket } from 'node:net';
import { isPrivateAddress } from '@crmflow/flow/messaging';
import { type DeliveryFailure, deliveryFailure } from './provider-types.ts';

/**
 * The one gate every adapter that connects out goes through (SMTP, SMS/ZNS gateways, webhooks,
 * and any later one): names are resolved here and every answer checked; loopback, private,
 * link-local (cloud metadata), CGNAT, documentation, multicast and reserved addresses are refused
 * in every spelling (`localhost.`, `ip6-localhost`, `::ffff:127.0.0.1`, `2130706433`, `0x7f.1`…
 * all resolve to such an address and are judged by it); the address the socket actually
 * connected to is checked again (no DNS rebinding between check and connect); redirects are never
 * followed; and every failure to connect reads the same, so an error never tells an open port
 * from a closed or filtered one.
 *
 * Private networks are allowed only by the organization's `allowPrivateNetwork` setting or, for
 * tests and trusted single-tenant installations, `CRMFLOW_ALLOW_PRIVATE_NETWORK=on`.
 *
 * Use: `guardedConnect` for raw TCP (SMTP hands the socket to nodemailer), `guardedRequest` for
 * HTTP(S), `guardedLookup` for any Node client taking a `lookup` option (then also call
 * `assertConnectedAddress` on the socket), `outboundFailure` to turn a thrown error into a result.
 */

/** The server-wide switch: tests, and installations where every organization is trusted. */
export function serverAllowsPrivateNetwork(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CRMFLOW_ALLOW_PRIVATE_NETWORK === 'on';
}

/** Whether an organization (by its settings) may reach private networks. */
export function privateNetworkAllowed(settings?: { allowPrivateNetwork?: boolean } | null): boolean {
  return settings?.allowPrivateNetwork === true || serverAllowsPrivateNetwork();
}

/**
 * Why an outbound connection did not happen. `refused`: the destination is not a public address
 * (decided before connecting). `unreachable`: anything else before a conversation started —
 * refused, reset, timed out, unreachable, unknown name — deliberately one message.
 */
export class OutboundError extends Error {
  override name = 'OutboundError';
  constructor(
    readonly kind: 'refused' | 'unreachable',
    readonly destination: string,
  ) {
    super(kind === 'refused' ? `${destination} is not a public address` : `No answer from ${destination}`);
  }
}

/** Host as URLs and configs spell it, as an address literal when it is one. */
function bareHost(host: string): string {
  return host.trim().replace(/^\[(.*)\]$/, '$1');
}

const LOCAL_NAMES = new Set([
  'localhost',
  'ip6-localhost',
  'ip6-loopback',
  'localhost6',
  'localhost.localdomain',
]);

/**
 * Names that mean this machine whatever the resolver says (`localhost.` with its trailing dot,
 * `*.localhost` by RFC 6761): refused by name, so a resolver that does not know them cannot
 * turn a refusal into "unknown host".
 */
export function isLocalName(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/\.+$/, '');
  return LOCAL_NAMES.has(name) || name.endsWith('.localhost');
}

/** A check of one address; the guard fails closed on anything that is not a public address. */
function refuses(address: string, allowPrivate: boolean): boolean {
  return !allowPrivate && isPrivateAddress(address);
}

/**
 * A `lookup` for net/tls/http: resolves with the system resolver and refuses the whole answer
 * when any address in it is not public (a name answering both would let a retry land inside).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    if (!allowPrivate && isLocalName(hostname)) return callback(new OutboundError('refused', hostname), []);
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.length === 0) return callback(new OutboundError('unreachable', hostname), []);
      if (addresses.some((a) => refuses(a.address, allowPrivate))) {
        return callback(new OutboundError('refused', hostname), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first?.address ?? '', first?.family ?? 4);
    });
  };
}

/** Refuses an address literal before any socket exists (literals skip `lookup`). */
export function assertHostAllowed(host: string, allowPrivate: boolean): void {
  const bare = bareHost(host);
  if (allowPrivate) return;
  if (isLocalName(bare) || (isIP(bare) && refuses(bare, allowPrivate)))
    throw new OutboundError('refused', host);
}

/** After connecting: the peer must be public too, whatever resolved to it. Destroys it if not. */
export function assertConnectedAddress(socket: Socket, destination: string, allowPrivate: boolean): void {
  const peer = socket.remoteAddress;
  if (peer === undefined || refuses(peer, allowPrivate)) {
    const error = new OutboundError(peer === undefined ? 'unreachable' : 'refused', destination);
    socket.destroy(error);
    throw error;
  }
}

/** A TCP connection to host:port through the guard; errors are `OutboundError`s. */
export function guardedConnect(input: {
  host: string;
  port: number;
  allowPrivate: boolean;
  timeoutMs: number;
}): Promise<Socket> {
  const destination = `${input.host}:${input.port}`;
  return new Promise((resolve, reject) => {
    try {
      assertHostAllowed(input.host, input.allowPrivate);
    } catch (error) {
      return reject(error);
    }
    const socket = netConnect({
      host: bareHost(input.host),
      port: input.port,
      lookup: guardedLookup(input.allowPrivate),
    });
    const fail = (error: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error instanceof OutboundError ? error : new OutboundError('unreachable', destination));
    };
    const timer = setTimeout(() => fail(new OutboundError('unreachable', destination)), input.timeoutMs);
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      try {
        assertConnectedAddress(socket, destination, input.allowPrivate);
      } catch (error) {
        return reject(error);
      }
      resolve(socket);
    });
  });
}

export type GuardedResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * One HTTP(S) request through the guard. Redirects are answered, never followed (a 3xx is the
 * result). Anything that goes wrong before the response begins — including a timeout, which a
 * silent open port and a filtered one would otherwise tell apart — is `OutboundError('unreachable')`;
 * once the server has answered, a late timeout is an `Error` named `TimeoutError`.
 */
export function guardedRequest(input: {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  allowPrivate: boolean;
  timeoutMs: number;
  maxResponseBytes?: number;
  /** Replaces the resolver (tests play a lying DNS); the connected address is checked all the same. */
  lookup?: LookupFunction;
}): Promise<GuardedResponse> {
  const { url } = input;
  const destination = url.host;
  const maxBytes = input.maxResponseBytes ?? 16_000;
  return new Promise((resolve, reject) => {
    try {
      assertHostAllowed(url.hostname, input.allowPrivate);
    } catch (error) {
      return reject(error);
    }
    let answered = false;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: input.method,
        headers: input.headers,
        agent: false,
        lookup: input.lookup ?? guardedLookup(input.allowPrivate),
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < maxBytes) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          const body = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        try {
          assertConnectedAddress(socket, destination, input.allowPrivate);
        } catch {
          // The socket is destroyed with the error, which reaches req's 'error' below.
        }
      });
    });
    const timer = setTimeout(() => {
      const error = answered
        ? Object.assign(new Error('No complete answer in time'), { name: 'TimeoutError' })
        : new OutboundError('unreachable', destination);
      req.destroy(error);
    }, input.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      if (error instanceof OutboundError || answered) return reject(error);
      reject(new OutboundError('unreachable', destination));
    });
    req.end(input.body);
  });
}

/**
 * A delivery failure for an outbound error: `private_address` (never worth a retry), or the one
 * neutral `network` failure, retryable — a server that is down now may be up later.
 */
export function outboundFailure(error: OutboundError, response?: Record<string, unknown>): DeliveryFailure {
  return error.kind === 'refused'
    ? deliveryFailure({
        code: 'private_address',
        error: error.message,
        retryable: false,
        ...(response ? { response } : {}),
      })
    : deliveryFailure({
        code: 'network',
        error: error.message,
        retryable: true,
        ...(response ? { response } : {}),
      });
}

/**
 * A failed `guardedRequest` as a delivery result: before any answer the one neutral failure;
 * after it, a receiver too slow to finish (`late` says who) or a broken connection, both retryable.
 */
export function requestFailure(error: unknown, late: string): DeliveryFailure {
  if (error instanceof OutboundError) return outboundFailure(error);
  if (error instanceof Error && error.name === 'TimeoutError') {
    return deliveryFailure({ code: 'timeout', error: late, retryable: true });
  }
  return deliveryFailure({
    code: 'network',
    error: error instanceof Error ? error.message : String(error),
    retryable: true,
  });
}
