/**
 * Text as conditions compare it: trimmed, Unicode-normalised, lower case; with `ignoreAccents`
 * also without Vietnamese diacritics, so "Hà Nội", "ha noi" and "HA NOI" match. `đ` is a
 * letter of its own, not a combining mark, so it is folded to `d` explicitly.
 */
export function foldText(text: string, options: { ignoreAccents?: boolean } = {}): string {
  const lowered = text.trim().normalize('NFC').toLowerCase();
  if (!options.ignoreAccents) return lowered;
  return lowered.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');
}

/** Any scalar a condition might meet, as text; objects and arrays have no text form here. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return null;
}

/**
 * Vietnamese phone numbers compare by their national form: `+84 912 345 678`, `84912345678`
 * and `0912.345.678` are one number.
 */
export function normalizePhone(text: string): string {
  const digits = text.replace(/[^\d+]/g, '');
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (digits.startsWith('84') && digits.length === 11) return `0${digits.slice(2)}`;
  return digits.replace(/\+/g, '');
}
