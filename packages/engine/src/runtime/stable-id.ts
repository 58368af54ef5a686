import { createHash } from 'node:crypto';

/**
 * A UUID that is always the same for the same parts (name-based, SHA-1, as RFC 9562 version 5).
 * Step jobs get one from (run, node, …): pg-boss skips a job whose id already exists, so enqueuing
 * the same step twice, from a redelivered event or two parents of one node, queues it once.
 */
export function stableId(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(parts.join('\u0000')).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
