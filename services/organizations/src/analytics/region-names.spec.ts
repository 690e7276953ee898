import { regionLabel } from './region-names';

describe('region labels', () => {
  it('names a division province first', () => {
    expect(regionLabel('130903')).toBe('河北省沧州市运河区');
    expect(regionLabel('130900')).toBe('河北省沧州市');
    expect(regionLabel('130000')).toBe('河北省');
    expect(regionLabel('130632')).toBe('河北省保定市安新县');
  });

  it('falls back to the nearest named level and the code', () => {
    expect(regionLabel('130102')).toBe('河北省石家庄市（130102）');
    expect(regionLabel('441900')).toBe('广东省（441900）');
    expect(regionLabel('990000')).toBe('990000');
  });
});
