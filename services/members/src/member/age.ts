import type { AgeBand } from './member.enums';

// Ages are counted in whole years on today's date in China (`shanghaiToday` of @jiceng/calendar).

export function yearsBefore(date: Date, years: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear() - years, date.getUTCMonth(), date.getUTCDate()));
}

export function ageOn(birthDate: Date, today: Date): number {
  let age = today.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birthDate.getUTCMonth() ||
    (today.getUTCMonth() === birthDate.getUTCMonth() &&
      today.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function ageBandOf(age: number): AgeBand {
  if (age <= 30) return 'UP_TO_30';
  if (age <= 45) return 'FROM_31_TO_45';
  if (age <= 60) return 'FROM_46_TO_60';
  return 'OVER_60';
}

/** The birth dates of a band as a range query: born after `gt`, on or before `lte`. */
export function birthDateRange(band: AgeBand, today: Date): { $gt?: Date; $lte?: Date } {
  const bornBefore = (age: number) => yearsBefore(today, age); // turned `age` by today
  switch (band) {
    case 'UP_TO_30':
      return { $gt: bornBefore(31) };
    case 'FROM_31_TO_45':
      return { $gt: bornBefore(46), $lte: bornBefore(31) };
    case 'FROM_46_TO_60':
      return { $gt: bornBefore(61), $lte: bornBefore(46) };
    case 'OVER_60':
      return { $lte: bornBefore(61) };
  }
}
