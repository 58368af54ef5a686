/**
 * Networks a webhook must not reach unless the organization allows it: loopback, private,
 * link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, documentation,
 * benchmarking, multicast and reserved space. Each entry is [network, prefix length].
 */
const NON_PUBLIC_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const NON_PUBLIC_V6: [string, number][] = [
  // Unspecified, loopback and the deprecated IPv4-compatible form.
  ['::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

/** Prefixes whose addresses carry an IPv4 address, which decides instead: [network, length, shift]. */
const EMBEDS_V4: [string, number, bigint][] = [
  ['::ffff:0:0', 96, 0n],
  ['64:ff9b::', 96, 0n],
  ['2002::', 16, 80n],
];

/**
 * True when `ip` is not a public unicast address. Input that is not a canonical IPv4 or IPv6
 * literal counts as private too: a check that guards outgoing requests must fail closed.
 */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = parseIPv4(address);
  if (v4 !== null) return isPrivateV4(v4);
  const v6 = parseIPv6(address);
  if (v6 === null) return true;
  for (const [network, bits, shift] of EMBEDS_V4) {
    if (inNetwork(v6, parseIPv6(network), bits, 128)) {
      return isPrivateV4((v6 >> shift) & 0xffffffffn);
    }
  }
  return NON_PUBLIC_V6.some(([network, bits]) => inNetwork(v6, parseIPv6(network), bits, 128));
}

function isPrivateV4(value: bigint): boolean {
  return NON_PUBLIC_V4.some(([network, bits]) => inNetwork(value, parseIPv4(network), bits, 32));
}

function inNetwork(value: bigint, network: bigint | null, bits: number, width: number): boolean {
  if (network === null) return false;
  const shift = BigInt(width - bits);
  return value >> shift === network >> shift;
}

/** Dotted quad only, without leading zeros (`010` is octal to some parsers, decimal to others). */
export function parseIPv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** RFC 4291 text forms: `::` compression, an IPv4 tail, a `%zone` suffix (ignored). */
export function parseIPv6(text: string): bigint | null {
  const withoutZone = text.replace(/%[\w.-]+$/, '');
  if (!/^[\da-fA-F:.]+$/.test(withoutZone)) return null;
  const halves = withoutZone.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function groupsOf(part: string): number[] | null {
  if (part === '') return [];
  const pieces = part.split(':');
  const groups: number[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIPv4(piece);
      if (v4 === null) return null;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[\da-fA-F]{1,4}$/.test(piece)) {
      groups.push(Number.parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}
