import { isoWeekday } from './clock';
import { officialCalendarDays } from './official-days';
import { addWorkingDays, isWorkingDay } from './working-days';

const calendar = new Map(officialCalendarDays().map((d) => [d.date, d.kind]));

describe('Chinese working days', () => {
  it('counts Monday to Friday when no holiday intervenes', () => {
    expect(addWorkingDays('2023-06-05', 5, calendar)).toBe('2023-06-12'); // Mon → next Mon
    expect(addWorkingDays('2023-06-09', 5, calendar)).toBe('2023-06-16'); // Fri → next Fri
    expect(addWorkingDays('2023-06-10', 1, calendar)).toBe('2023-06-12'); // Sat → Mon
  });

  it('skips the National Day holiday and counts the make-up Saturday and Sunday', () => {
    // 2023-09-27 (Wed): 28th Thu (1); 29 Sep–6 Oct off; 7 Oct Sat (2) and 8 Oct Sun (3) are
    // make-up workdays; 9 Oct Mon (4), 10 Oct Tue (5).
    expect(isWorkingDay('2023-10-07', calendar)).toBe(true);
    expect(isWorkingDay('2023-10-02', calendar)).toBe(false);
    expect(addWorkingDays('2023-09-27', 5, calendar)).toBe('2023-10-10');
  });

  it('counts the make-up Saturday after Labour Day 2024', () => {
    // 2024-05-10 (Fri): 11 May Sat is a make-up workday (1); 13–16 May (2–5).
    expect(addWorkingDays('2024-05-10', 5, calendar)).toBe('2024-05-16');
    // Accepted on the eve of the holiday: 1–5 May off, 6 May Mon (1) … 10 May Fri (5).
    expect(addWorkingDays('2024-04-30', 5, calendar)).toBe('2024-05-10');
  });

  it('skips Spring Festival 2025 and counts the make-up Sunday before it', () => {
    // 2025-01-24 (Fri): 26 Jan Sun make-up (1), 27 Jan Mon (2), 28 Jan–4 Feb off,
    // 5 Feb Wed (3), 6 Feb Thu (4), 7 Feb Fri (5).
    expect(addWorkingDays('2025-01-24', 5, calendar)).toBe('2025-02-07');
  });

  it('has every notice day on the right side of the weekend rule', () => {
    const days = officialCalendarDays();
    expect(days.filter((d) => d.kind === 'WORKDAY').every((d) => isoWeekday(d.date) >= 6)).toBe(
      true,
    );
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
    expect(days[0].date).toBe('2023-01-01');
    expect(days[days.length - 1].date).toBe('2026-10-10');
  });
});
