import { regionCodeProblem, regionLabel, regionName } from './regions';

describe('GB/T 2260 regions', () => {
  it('names every level, province first, without placeholder prefectures', () => {
    expect(regionLabel('130903')).toBe('河北省沧州市运河区');
    expect(regionLabel('130900')).toBe('河北省沧州市');
    expect(regionLabel('130000')).toBe('河北省');
    expect(regionLabel('130632')).toBe('河北省保定市安新县');
    expect(regionLabel('210703')).toBe('辽宁省锦州市凌河区');
    expect(regionLabel('110105')).toBe('北京市朝阳区');
    expect(regionLabel('500229')).toBe('重庆市城口县');
    expect(regionLabel('441900')).toBe('广东省东莞市');
    expect(regionLabel('810000')).toBe('香港特别行政区');
    expect(regionName('130903')).toBe('运河区');
  });

  it('accepts real divisions only', () => {
    for (const code of ['130000', '130900', '130903', '131102', '441900', '710000'])
      expect(regionCodeProblem(code)).toBeNull();
    expect(regionCodeProblem('130999')).toBe('130999 is not a division of GB/T 2260');
    expect(regionCodeProblem('990000')).toBe('990000 is not a division of GB/T 2260');
    expect(regionCodeProblem('130032')).toBe('130032 is not a division of GB/T 2260');
    expect(regionCodeProblem('13090')).toBe('must be 6 digits (GB/T 2260)');
    expect(regionCodeProblem('13O903')).toBe('must be 6 digits (GB/T 2260)');
    expect(regionLabel('130999')).toBe('130999');
  });
});
