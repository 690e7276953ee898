import { shanghaiInstant } from './clock';
import { isOpenAt, isOvernight, openingHoursProblems, type OpeningInterval } from './opening-hours';

const WORKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
const ALL = [...WORKDAYS, 'SATURDAY', 'SUNDAY'] as const;
// 2023-06-05 is a Monday, 2023-06-11 a Sunday.
const at = (date: string, hour: number, minute = 0) => shanghaiInstant(date, hour, minute);

describe('opening hours', () => {
  const day: OpeningInterval[] = [{ weekdays: [...WORKDAYS], opens: '08:00', closes: '20:00' }];
  const night: OpeningInterval[] = [
    { weekdays: ['FRIDAY', 'SUNDAY'], opens: '20:00', closes: '06:00' },
  ];

  it('opens within the day interval in Shanghai time, closing time excluded', () => {
    expect(isOpenAt(day, at('2023-06-05', 8))).toBe(true);
    expect(isOpenAt(day, at('2023-06-05', 19, 59))).toBe(true);
    expect(isOpenAt(day, at('2023-06-05', 20))).toBe(false);
    expect(isOpenAt(day, at('2023-06-05', 7, 59))).toBe(false);
    expect(isOpenAt(day, at('2023-06-10', 12))).toBe(false); // Saturday
    // 2023-06-05 01:00 UTC is 09:00 in Shanghai, though 2023-06-04 in the UTC evening before.
    expect(isOpenAt(day, new Date('2023-06-05T01:00:00Z'))).toBe(true);
    expect(isOpenAt(day, new Date('2023-06-05T12:30:00Z'))).toBe(false); // 20:30
  });

  it('keeps an overnight interval open into the next morning, Sunday into Monday included', () => {
    expect(isOvernight(night[0])).toBe(true);
    expect(isOpenAt(night, at('2023-06-09', 19, 59))).toBe(false); // Friday
    expect(isOpenAt(night, at('2023-06-09', 23))).toBe(true);
    expect(isOpenAt(night, at('2023-06-10', 5, 59))).toBe(true); // Saturday morning
    expect(isOpenAt(night, at('2023-06-10', 6))).toBe(false);
    expect(isOpenAt(night, at('2023-06-10', 22))).toBe(false); // Saturday evening
    expect(isOpenAt(night, at('2023-06-12', 3))).toBe(true); // Monday morning, from Sunday
    expect(isOpenAt(night, at('2023-06-06', 3))).toBe(false); // Tuesday morning
  });

  it('reads 00:00-24:00 as the whole day', () => {
    const always: OpeningInterval[] = [{ weekdays: [...ALL], opens: '00:00', closes: '24:00' }];
    expect(isOvernight(always[0])).toBe(false);
    expect(openingHoursProblems(always)).toEqual([]);
    expect(isOpenAt(always, at('2023-06-11', 23, 59))).toBe(true);
    expect(isOpenAt(always, at('2023-06-05', 0))).toBe(true);
  });

  it('names malformed times and intervals that open and close at once', () => {
    expect(
      openingHoursProblems([
        { weekdays: ['MONDAY'], opens: '8:00', closes: '24:01' },
        { weekdays: ['TUESDAY'], opens: '09:00', closes: '09:00' },
      ]),
    ).toEqual([
      { index: 0, field: 'opens', message: 'must be HH:MM, 00:00-23:59' },
      { index: 0, field: 'closes', message: 'must be HH:MM, 00:00-24:00' },
      { index: 1, field: 'closes', message: expect.stringMatching(/must differ/) },
    ]);
  });

  it('finds overlaps, an overnight interval against the next morning included', () => {
    expect(
      openingHoursProblems([
        { weekdays: ['MONDAY'], opens: '20:00', closes: '06:00' },
        { weekdays: ['TUESDAY'], opens: '05:30', closes: '12:00' },
      ]),
    ).toEqual([{ index: 1, field: 'opens', message: 'overlaps 20:00-06:00' }]);
    expect(
      openingHoursProblems([
        { weekdays: ['SUNDAY'], opens: '22:00', closes: '02:00' },
        { weekdays: ['MONDAY'], opens: '01:00', closes: '03:00' },
      ]),
    ).toHaveLength(1);
    // A lunch break is two intervals that touch nothing.
    expect(
      openingHoursProblems([
        { weekdays: [...WORKDAYS], opens: '08:00', closes: '12:00' },
        { weekdays: [...WORKDAYS], opens: '14:00', closes: '18:00' },
        { weekdays: ['MONDAY'], opens: '20:00', closes: '08:00' },
      ]),
    ).toEqual([]);
  });

  it('names every clash, an interval after one that already clashed included', () => {
    const monday = (opens: string, closes: string) => ({
      weekdays: ['MONDAY' as const],
      opens,
      closes,
    });
    expect(
      openingHoursProblems([
        monday('08:30', '12:00'),
        monday('11:30', '17:30'),
        { weekdays: ['TUESDAY'], opens: '11:30', closes: '17:30' },
        monday('12:00', '13:00'),
      ]),
    ).toEqual([
      { index: 1, field: 'opens', message: 'overlaps 08:30-12:00' },
      { index: 3, field: 'opens', message: 'overlaps 11:30-17:30' },
    ]);
  });

  it('without overnight intervals, closes after it opens on the same day', () => {
    const rules = { overnight: false };
    const monday = (opens: string, closes: string) => ({
      weekdays: ['MONDAY' as const],
      opens,
      closes,
    });
    expect(openingHoursProblems([monday('17:30', '08:30')], rules)).toEqual([
      { index: 0, field: 'closes', message: 'must be after the opening time 17:30' },
    ]);
    expect(openingHoursProblems([monday('08:30', '08:30')], rules)[0].field).toBe('closes');
    expect(
      openingHoursProblems([monday('18:00', '24:00'), monday('00:00', '06:00')], rules),
    ).toEqual([]);
  });
});
