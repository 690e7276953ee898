const DIGITS = '〇一二三四五六七八九';

/**
 * 0–99 in Chinese numerals as organization names write them: 三, 十二, 三十六 (第三十六村,
 * 凌河区第六街道党工委). Every demo names its organizations with this one, so names agree across
 * services.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`${n} is not in 0–99`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
