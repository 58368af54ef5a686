/**
 * GSM 03.38 default alphabet (the escape 0x1B excluded: it is not a character of its own).
 * Vietnamese letters with diacritics are not in it, so an accented SMS goes as UCS-2.
 */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** Extension table: each costs two septets (escape + character). */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export type SmsSegments = {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  length: number;
  segments: number;
  /** Capacity of each segment: 160 / 70 for a single message, 153 / 67 once it is split. */
  perSegment: number;
  /** The distinct characters that forced UCS-2, in order of appearance. */
  nonGsmCharacters: string[];
};

const LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} satisfies Record<SmsEncoding, { single: number; multi: number }>;

/**
 * How an SMS will be encoded and billed. A multipart message loses room to its concatenation
 * header, and a character is never split across two parts (an escaped GSM character, a UTF-16
 * surrogate pair), so the count packs characters part by part rather than dividing the length.
 */
export function smsSegments(text: string): SmsSegments {
  const characters = Array.from(text);
  const nonGsmCharacters = [...new Set(characters.filter((c) => !GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)))];
  const encoding: SmsEncoding = nonGsmCharacters.length === 0 ? 'GSM-7' : 'UCS-2';
  const weights = characters.map((c) => (encoding === 'GSM-7' ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length));
  const length = weights.reduce((sum, w) => sum + w, 0);
  const limits = LIMITS[encoding];

  if (length <= limits.single) {
    return { encoding, length, segments: length === 0 ? 0 : 1, perSegment: limits.single, nonGsmCharacters };
  }
  let segments = 1;
  let used = 0;
  for (const weight of weights) {
    if (used + weight > limits.multi) {
      segments += 1;
      used = 0;
    }
    used += weight;
  }
  return { encoding, length, segments, perSegment: limits.multi, nonGsmCharacters };
}

/**
 * The text without Vietnamese diacritics ("Nguyễn Thị Hồng" → "Nguyen Thi Hong"), for gateways
 * that only carry unaccented messages: a name turned into "?" is worse than one without accents.
 */
export function withoutVietnameseDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
