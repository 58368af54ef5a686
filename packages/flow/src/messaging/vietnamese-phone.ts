import { text } from '../messages/catalogue.ts';
import type { Message } from './message.ts';

export type PhoneProblem =
  | 'empty'
  | 'invalid_characters'
  | 'not_vietnamese'
  | 'legacy_eleven_digits'
  | 'landline'
  | 'not_mobile'
  | 'wrong_length';

export type NormalizedPhone = { ok: true; e164: string } | { ok: false; reason: PhoneProblem };

/** Each problem explained, from the message catalogue (`phone.*`). */
export const phoneProblemMessages = {
  empty: text('phone.empty'),
  invalid_characters: text('phone.invalid_characters'),
  not_vietnamese: text('phone.not_vietnamese'),
  legacy_eleven_digits: text('phone.legacy_eleven_digits'),
  landline: text('phone.landline'),
  not_mobile: text('phone.not_mobile'),
  wrong_length: text('phone.wrong_length'),
} satisfies Record<PhoneProblem, Message>;

/** What people type between digit groups; anything else is a typo worth reporting. */
const SEPARATORS = /[\s.\-()/]/g;

/** Mobile ranges since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x. */
const MOBILE_SECOND_DIGIT = new Set(['3', '5', '7', '8', '9']);

/**
 * A Vietnamese mobile number in E.164 (`+84` and nine digits), from the ways people write it:
 * `0912 345 678`, `0912.345.678`, `84912345678`, `+84 912-345-678`, `0084…`, `+84 0912…`,
 * and `912345678` as spreadsheets store it once the leading zero is lost.
 */
export function normalizeVietnamesePhone(raw: string): NormalizedPhone {
  const compact = raw.normalize('NFKC').trim().replace(SEPARATORS, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'invalid_characters' };

  const national = toNational(compact);
  if (national === null) return { ok: false, reason: 'not_vietnamese' };
  if (!national.startsWith('0')) return { ok: false, reason: 'wrong_length' };
  if (national.startsWith('01') && national.length === 11)
    return { ok: false, reason: 'legacy_eleven_digits' };
  if (national.startsWith('02')) return { ok: false, reason: 'landline' };
  if (!MOBILE_SECOND_DIGIT.has(national.charAt(1))) return { ok: false, reason: 'not_mobile' };
  if (national.length !== 10) return { ok: false, reason: 'wrong_length' };
  return { ok: true, e164: `+84${national.slice(1)}` };
}

/**
 * The national form, with its trunk `0` when the digits allow one; null when the number
 * belongs to another country.
 */
function toNational(compact: string): string | null {
  const international = compact.startsWith('+')
    ? compact.slice(1)
    : compact.startsWith('00')
      ? compact.slice(2)
      : null;
  if (international !== null) {
    if (!international.startsWith('84')) return null;
    return withTrunkZero(international.slice(2));
  }
  if (compact.startsWith('0')) return compact;
  // Without a leading 0 or +: either `84…` written without the plus, or a number that lost its 0.
  if (compact.startsWith('84') && compact.length >= 11) return withTrunkZero(compact.slice(2));
  if (compact.length === 9) return `0${compact}`;
  return compact;
}

/** `+84 0912…` is a common slip: the trunk 0 is kept after the country code. */
function withTrunkZero(subscriber: string): string {
  return subscriber.startsWith('0') ? subscriber : `0${subscriber}`;
}
