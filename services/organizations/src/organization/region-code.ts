// GB/T 2260 province-level prefixes (two digits); the code is province(2) + city(2) + county(2).
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/**
 * Whether a string has the structure of a GB/T 2260 code: six digits, a real province prefix,
 * and no county part without a city part (e.g. 130632 安新县, 130900 沧州市, 130000 河北省).
 * Returns the reason it is not, or null.
 */
export function regionCodeProblem(code: string): string | null {
  if (!/^[0-9]{6}$/.test(code)) return 'must be 6 digits (GB/T 2260)';
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2)))
    return `has no province ${code.slice(0, 2)} in GB/T 2260`;
  if (code.slice(2, 4) === '00' && code.slice(4) !== '00')
    return 'has a county part without a city part';
  return null;
}
