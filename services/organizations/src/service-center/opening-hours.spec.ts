import { centerHoursProblems, type OpeningInterval } from './opening-hours';

const day = (opens: string, closes: string, weekday: OpeningInterval['weekday'] = 'MONDAY') => ({
  weekday,
  opens,
  closes,
});

describe('opening hours', () => {
  it('accepts a week with lunch breaks and a weekend morning', () => {
    expect(
      centerHoursProblems([
        day('08:30', '12:00'),
        day('14:30', '17:30'),
        day('08:30', '17:30', 'TUESDAY'),
        day('09:00', '12:00', 'SATURDAY'),
        day('18:00', '24:00', 'FRIDAY'),
      ]),
    ).toEqual([]);
  });

  it('requires opening before closing on the same day', () => {
    expect(centerHoursProblems([day('17:30', '08:30')])).toEqual([
      { index: 0, field: 'closes', message: 'must be after the opening time 17:30' },
    ]);
    expect(centerHoursProblems([day('08:30', '08:30')])[0].field).toBe('closes');
  });

  it('names malformed times by field', () => {
    expect(centerHoursProblems([day('8:30', '17:30'), day('08:30', '17:75')])).toEqual([
      { index: 0, field: 'opens', message: 'must be HH:MM, 00:00-23:59' },
      { index: 1, field: 'closes', message: 'must be HH:MM, 00:00-24:00' },
    ]);
  });

  it('refuses overlapping intervals on one weekday only', () => {
    const problems = centerHoursProblems([
      day('08:30', '12:00'),
      day('11:30', '17:30'),
      day('11:30', '17:30', 'TUESDAY'),
      day('12:00', '13:00'),
    ]);
    expect(problems).toEqual([
      { index: 1, field: 'opens', message: 'overlaps 08:30-12:00' },
      { index: 3, field: 'opens', message: 'overlaps 11:30-17:30' },
    ]);
  });
});
