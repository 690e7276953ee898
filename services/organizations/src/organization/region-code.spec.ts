import { regionCodeProblem } from './region-code';

describe('GB/T 2260 region codes', () => {
  it.each(['130632', '130903', '130900', '130000', '110101', '820000'])('accepts %s', (code) => {
    expect(regionCodeProblem(code)).toBeNull();
  });

  it.each([
    ['13063', 'must be 6 digits (GB/T 2260)'],
    ['13063a', 'must be 6 digits (GB/T 2260)'],
    ['990101', 'has no province 99 in GB/T 2260'],
    ['000000', 'has no province 00 in GB/T 2260'],
    ['130032', 'has a county part without a city part'],
  ])('rejects %s', (code, problem) => {
    expect(regionCodeProblem(code)).toBe(problem);
  });
});
