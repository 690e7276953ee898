// 居民身份证号码 for test members: the members subgraph refuses numbers whose GB 11643 (ISO 7064
// MOD 11-2) check character is wrong, so suites that register members through the gateway need
// valid ones. Region 130903 (沧州市运河区), born on `birth`, sequence `seq`.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function testIdNumber(seq: number, birth = '19800101'): string {
  const first17 = `130903${birth}${String(seq).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return `${first17}${CHECK_CHARACTERS[sum % 11]}`;
}
