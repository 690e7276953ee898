import { addDays, daysBetween } from './clock';

// Official public holidays (放假) and make-up workdays (调休上班) from the State Council General
// Office's annual notices (国务院办公厅关于<year>年部分节假日安排的通知), 2023–2026, as data. A service
// that lets ADMINs correct or extend them stores them (volunteering's work_calendar_days loads
// these at start without overwriting an ADMIN's change) and passes its days to addWorkingDays.
// The kinds of day that differ from the Monday–Friday rule.
export const WORK_CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export type WorkCalendarDayKind = (typeof WORK_CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  kind: WorkCalendarDayKind;
  name: string;
}

type Notice = [name: string, holidays: [from: string, to: string], makeUpWorkdays: string[]];

const NOTICES: Record<number, Notice[]> = {
  2023: [
    ['元旦', ['2023-01-01', '2023-01-02'], []],
    ['春节', ['2023-01-21', '2023-01-27'], ['2023-01-28', '2023-01-29']],
    ['清明节', ['2023-04-05', '2023-04-05'], []],
    ['劳动节', ['2023-04-29', '2023-05-03'], ['2023-04-23', '2023-05-06']],
    ['端午节', ['2023-06-22', '2023-06-24'], ['2023-06-25']],
    ['中秋节、国庆节', ['2023-09-29', '2023-10-06'], ['2023-10-07', '2023-10-08']],
  ],
  2024: [
    ['元旦', ['2024-01-01', '2024-01-01'], []],
    ['春节', ['2024-02-10', '2024-02-17'], ['2024-02-04', '2024-02-18']],
    ['清明节', ['2024-04-04', '2024-04-06'], ['2024-04-07']],
    ['劳动节', ['2024-05-01', '2024-05-05'], ['2024-04-28', '2024-05-11']],
    ['端午节', ['2024-06-10', '2024-06-10'], []],
    ['中秋节', ['2024-09-15', '2024-09-17'], ['2024-09-14']],
    ['国庆节', ['2024-10-01', '2024-10-07'], ['2024-09-29', '2024-10-12']],
  ],
  2025: [
    ['元旦', ['2025-01-01', '2025-01-01'], []],
    ['春节', ['2025-01-28', '2025-02-04'], ['2025-01-26', '2025-02-08']],
    ['清明节', ['2025-04-04', '2025-04-06'], []],
    ['劳动节', ['2025-05-01', '2025-05-05'], ['2025-04-27']],
    ['端午节', ['2025-05-31', '2025-06-02'], []],
    ['国庆节、中秋节', ['2025-10-01', '2025-10-08'], ['2025-09-28', '2025-10-11']],
  ],
  2026: [
    ['元旦', ['2026-01-01', '2026-01-03'], ['2026-01-04']],
    ['春节', ['2026-02-15', '2026-02-23'], ['2026-02-14', '2026-02-28']],
    ['清明节', ['2026-04-04', '2026-04-06'], []],
    ['劳动节', ['2026-05-01', '2026-05-05'], ['2026-05-09']],
    ['端午节', ['2026-06-19', '2026-06-21'], []],
    ['中秋节', ['2026-09-25', '2026-09-27'], []],
    ['国庆节', ['2026-10-01', '2026-10-07'], ['2026-09-20', '2026-10-10']],
  ],
};

function datesBetween(from: string, to: string): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
}

/** Every holiday and make-up workday of the notices, in date order. */
export function officialCalendarDays(): CalendarDay[] {
  return Object.values(NOTICES)
    .flat()
    .flatMap(([name, [from, to], workdays]) => [
      ...datesBetween(from, to).map((date) => ({ date, kind: 'HOLIDAY' as const, name })),
      ...workdays.map((date) => ({ date, kind: 'WORKDAY' as const, name: `${name}调休上班` })),
    ])
    .sort((a, b) => a.date.localeCompare(b.date));
}

export const OFFICIAL_CALENDAR_YEARS = Object.keys(NOTICES).map(Number);
