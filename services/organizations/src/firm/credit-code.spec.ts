import {
  completeCreditCode,
  creditCodeCheckChar,
  creditCodeProblem,
  normalizeCreditCode,
  organizationCodeCheckChar,
} from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  // The example of the standard and a real enterprise code, both verified by hand.
  const STANDARD_EXAMPLE = '91350100M000100Y43';
  const SHENZHEN_ENTERPRISE = '914403001922038216';

  it('accepts valid codes', () => {
    expect(creditCodeProblem(STANDARD_EXAMPLE)).toBeNull();
    expect(creditCodeProblem(SHENZHEN_ENTERPRISE)).toBeNull();
  });

  it('computes the GB 11714 check character of the organization code', () => {
    // M=22, Y=34: 22·3 + 1·5 + 34·2 = 139; 139 mod 11 = 7; 11 - 7 = 4.
    expect(organizationCodeCheckChar('M000100Y')).toBe('4');
    expect(organizationCodeCheckChar('19220382')).toBe('1');
    // Remainder 1 gives 10, written X; remainder 0 gives 11, written 0.
    expect(organizationCodeCheckChar('40000000')).toBe('X'); // 4·3 = 12, 12 mod 11 = 1
    expect(organizationCodeCheckChar('00000000')).toBe('0');
  });

  it('computes the final check character with the 17 weights mod 31', () => {
    expect(creditCodeCheckChar(STANDARD_EXAMPLE.slice(0, 17))).toBe('3');
    expect(creditCodeCheckChar(SHENZHEN_ENTERPRISE.slice(0, 17))).toBe('6');
  });

  it('builds codes that pass both checks (as the demo data does)', () => {
    const code = completeCreditCode('91130632MA0F2K7P');
    expect(code).toHaveLength(18);
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('names the failing rule', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 characters/);
    expect(creditCodeProblem('91350100M000100Y4I')).toMatch(/may contain only/);
    expect(creditCodeProblem('91ABCDEFM000100Y43')).toMatch(/characters 3-8/);
    expect(creditCodeProblem('91350100M000100Y53')).toMatch(/character 17/);
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/character 18/);
    // One changed body character breaks the organization code check first.
    expect(creditCodeProblem('91350100M000200Y43')).toMatch(/GB 11714/);
  });

  it('normalizes what users type', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe(STANDARD_EXAMPLE);
  });
});
