import { ageBandOf, ageOn, birthDateRange } from './age';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('ages', () => {
  it('counts whole years', () => {
    expect(ageOn(d('1994-06-01'), d('2024-06-01'))).toBe(30);
    expect(ageOn(d('1994-06-02'), d('2024-06-01'))).toBe(29);
  });

  it('bands ages and turns bands into birth-date ranges that agree', () => {
    expect([30, 31, 45, 46, 60, 61].map(ageBandOf)).toEqual([
      'UP_TO_30',
      'FROM_31_TO_45',
      'FROM_31_TO_45',
      'FROM_46_TO_60',
      'FROM_46_TO_60',
      'OVER_60',
    ]);
    const today = d('2024-06-01');
    for (const birth of [
      '1993-06-01',
      '1993-06-02',
      '1978-06-01',
      '1978-06-02',
      '1963-06-01',
      '1963-06-02',
    ]) {
      const band = ageBandOf(ageOn(d(birth), today));
      const range = birthDateRange(band, today);
      expect(!range.$gt || d(birth) > range.$gt).toBe(true);
      expect(!range.$lte || d(birth) <= range.$lte).toBe(true);
    }
  });
});
