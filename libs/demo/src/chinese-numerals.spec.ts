import { chineseNumeral } from './chinese-numerals';

describe('chineseNumeral', () => {
  it('writes 0–99 as organization names do', () => {
    expect([0, 1, 6, 10, 11, 19, 20, 36, 90, 99].map(chineseNumeral)).toEqual([
      '〇',
      '一',
      '六',
      '十',
      '十一',
      '十九',
      '二十',
      '三十六',
      '九十',
      '九十九',
    ]);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });
});
