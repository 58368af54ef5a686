/**
 * Exact decimals for money and numbers. VND totals reach 10^13 and arrive as `1000`, `"1000"`
 * or `"1000.00"` depending on the sender, so comparing through floats or strings alone would
 * invent or hide changes. A canonical form is a string: optional `-`, no leading zeros, no
 * trailing fractional zeros, zero written `0`.
 */
const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

export function toDecimal(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? canonical(String(value)) : null;
  if (typeof value === 'bigint') return canonical(value.toString());
  if (typeof value !== 'string') return null;
  return canonical(value.trim());
}

function canonical(text: string): string | null {
  const match = decimalPattern.exec(text);
  if (!match) return null;
  const [, sign = '', intPart = '', fracPart = '', exponentText = '0'] = match;
  if (intPart === '' && fracPart === '') return null;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  let digits = intPart + fracPart;
  let pointAt = intPart.length + exponent;
  if (pointAt < 0) {
    digits = '0'.repeat(-pointAt) + digits;
    pointAt = 0;
  }
  if (pointAt > digits.length) digits += '0'.repeat(pointAt - digits.length);
  const whole = digits.slice(0, pointAt).replace(/^0+/, '') || '0';
  const fraction = digits.slice(pointAt).replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return body === '0' || sign !== '-' ? body : `-${body}`;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; both canonical. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const negativeA = a.startsWith('-');
  const negativeB = b.startsWith('-');
  if (negativeA !== negativeB) return negativeA ? -1 : 1;
  const magnitude = compareMagnitude(negativeA ? a.slice(1) : a, negativeB ? b.slice(1) : b);
  return negativeA ? flip(magnitude) : magnitude;
}

function compareMagnitude(a: string, b: string): -1 | 0 | 1 {
  const [wholeA = '', fracA = ''] = a.split('.');
  const [wholeB = '', fracB = ''] = b.split('.');
  if (wholeA.length !== wholeB.length) return wholeA.length < wholeB.length ? -1 : 1;
  if (wholeA !== wholeB) return wholeA < wholeB ? -1 : 1;
  const width = Math.max(fracA.length, fracB.length);
  const paddedA = fracA.padEnd(width, '0');
  const paddedB = fracB.padEnd(width, '0');
  if (paddedA === paddedB) return 0;
  return paddedA < paddedB ? -1 : 1;
}

function flip(order: -1 | 0 | 1): -1 | 0 | 1 {
  return order === 0 ? 0 : order === 1 ? -1 : 1;
}
