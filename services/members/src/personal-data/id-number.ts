// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
// (odd for men, even for women) and a check character over ISO 7064 MOD 11-2.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^[1-9][0-9]{16}[0-9X]$/;

/** Upper-cases the check character and drops surrounding spaces; the stored form is canonical. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

function birthDateParts(id: string): [number, number, number] {
  return [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
}

/** Why a value is not a valid resident ID number, or null when it is one. */
export function idNumberProblem(value: string, today = new Date()): string | null {
  const id = normalizeIdNumber(value);
  if (!SHAPE.test(id)) return 'must be 18 characters: 17 digits and a digit or X';
  const [year, month, day] = birthDateParts(id);
  const birth = new Date(Date.UTC(year, month - 1, day));
  const valid =
    birth.getUTCFullYear() === year &&
    birth.getUTCMonth() === month - 1 &&
    birth.getUTCDate() === day &&
    year >= 1900 &&
    birth <= today;
  if (!valid) return 'contains an impossible birth date';
  if (idNumberCheckCharacter(id) !== id[17]) return 'fails the GB 11643 check digit';
  return null;
}

/** The birth date encoded in a valid ID number (UTC midnight). */
export function birthDateOfIdNumber(id: string): Date {
  const [year, month, day] = birthDateParts(id);
  return new Date(Date.UTC(year, month - 1, day));
}

export function genderOfIdNumber(id: string): 'MALE' | 'FEMALE' {
  return Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
}
