// 统一社会信用代码 (GB 32100-2015): registration authority (1) + entity category (1) + the
// authority's GB/T 2260 region (6) + organization code (9, GB 11714, its own check character
// last) + check character (1). Characters come from a 31-character set without I, O, S, V, Z.
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const CHARSET_PATTERN = /^[0-9A-HJ-NPQRTUWXY]+$/;

/** The GB 32100 check character (18th) for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce(
    (acc, ch, i) => acc + CREDIT_CODE_CHARSET.indexOf(ch) * CREDIT_CODE_WEIGHTS[i],
    0,
  );
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** The GB 11714 check character (9th) of an organization code body of 8 digits or letters. */
export function organizationCodeCheckChar(body8: string): string {
  // Digits count as themselves, letters A-Z as 10-35 (GB 11714 uses the full alphabet).
  const value = (ch: string) => (ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55);
  const sum = [...body8].reduce((acc, ch, i) => acc + value(ch) * ORGANIZATION_CODE_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Upper-cases and trims what a user typed; the check itself is case-sensitive. */
export function normalizeCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Why a string is not a valid unified social credit code, or null when it is one. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters (GB 32100-2015)';
  if (!CHARSET_PATTERN.test(code))
    return 'may contain only digits and the letters A-H, J-N, P-R, T, U, W-Y';
  if (!/^[0-9]{6}$/.test(code.slice(2, 8)))
    return 'characters 3-8 must be the 6-digit region code of the registering authority';
  if (organizationCodeCheckChar(code.slice(8, 16)) !== code[16])
    return 'character 17 is not the check character of the organization code (GB 11714)';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17])
    return 'character 18 is not the check character of the credit code (GB 32100-2015)';
  return null;
}

/** Completes 16 characters (authority, category, region, organization code body) into a valid code. */
export function completeCreditCode(first16: string): string {
  const first17 = first16 + organizationCodeCheckChar(first16.slice(8, 16));
  return first17 + creditCodeCheckChar(first17);
}
