import { GB2260 } from './gb2260-data';

// GB/T 2260 administrative division codes: province (2 digits) + prefecture (2) + county (2),
// e.g. 130000 河北省, 130900 沧州市, 130903 运河区. The list is the whole country's, so an
// organization anywhere can be placed, and only real divisions can.

const NAMES: ReadonlyMap<string, string> = new Map(
  GB2260.trim()
    .split('\n')
    .map((line) => [line.slice(0, 6), line.slice(6)] as const),
);

// Placeholder prefectures of municipalities and of counties governed by their province: part of
// the code, never of a name (北京市朝阳区, not 北京市市辖区朝阳区).
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The name of the division itself (运河区), or undefined for a code GB/T 2260 does not have. */
export function regionName(code: string): string | undefined {
  return NAMES.get(code);
}

/** Why `code` is not a GB/T 2260 division code, or null when it is one. */
export function regionCodeProblem(code: string): string | null {
  if (!/^[0-9]{6}$/.test(code)) return 'must be 6 digits (GB/T 2260)';
  if (!NAMES.has(code)) return `${code} is not a division of GB/T 2260`;
  return null;
}

/**
 * The full name of a division, province first: 河北省沧州市运河区, 北京市朝阳区, 河北省. A code
 * that is not in the list is its own label.
 */
export function regionLabel(code: string): string {
  const name = NAMES.get(code);
  if (!name) return code;
  const levels = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return [...new Set(levels)]
    .map((c) => NAMES.get(c))
    .filter((n): n is string => n !== undefined && !PLACEHOLDERS.has(n))
    .join('');
}
