import { parsePeriod, periodRange } from './period';
import { addDays, isIsoDate, isoWeekday, shanghaiDate, shanghaiDayEnd } from './shanghai-time';

describe('periods in Asia/Shanghai', () => {
  it('reads years, quarters and months as half-open UTC ranges', () => {
    expect(parsePeriod('2023-06')).toEqual({
      period: '2023-06',
      from: new Date('2023-05-31T16:00:00.000Z'),
      to: new Date('2023-06-30T16:00:00.000Z'),
    });
    expect(parsePeriod('2023-Q2')).toMatchObject({
      from: new Date('2023-03-31T16:00:00.000Z'),
      to: new Date('2023-06-30T16:00:00.000Z'),
    });
    expect(parsePeriod('2023-Q4')?.to).toEqual(new Date('2023-12-31T16:00:00.000Z'));
    expect(parsePeriod('2023')).toMatchObject({
      from: new Date('2022-12-31T16:00:00.000Z'),
      to: new Date('2023-12-31T16:00:00.000Z'),
    });
  });

  it('rejects anything else as BAD_USER_INPUT on the argument', () => {
    for (const bad of ['2023-13', '2023-Q5', '23', '2023-6', 'June'])
      expect(parsePeriod(bad)).toBeNull();
    expect(() => periodRange('2023-13')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'period' })],
        }),
      }),
    );
  });

  it('converts instants to Shanghai dates and back', () => {
    expect(shanghaiDate(new Date('2023-06-30T15:59:59.999Z'))).toBe('2023-06-30');
    expect(shanghaiDate(new Date('2023-06-30T16:00:00.000Z'))).toBe('2023-07-01');
    expect(shanghaiDayEnd('2023-10-10')).toEqual(new Date('2023-10-10T16:00:00.000Z'));
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(isoWeekday('2023-10-07')).toBe(6);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });
});
