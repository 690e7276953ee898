import {
  averageSatisfaction,
  changeProblem,
  coveredByAgreement,
  duplicates,
  serviceDayDateProblem,
  serviceHoursProblem,
  serviceMinutes,
  tallyIds,
} from './service-day-rules';
import { SERVICE_DAY_STEPS } from './service-day-steps';

describe('service day rules', () => {
  it('takes the 5th of a month only', () => {
    expect(serviceDayDateProblem('2026-11-05')).toBeNull();
    expect(serviceDayDateProblem('2026-11-06')).toMatch(/5th of a month/);
    expect(serviceDayDateProblem('2026-02-30')).toMatch(/YYYY-MM-DD/);
    expect(serviceDayDateProblem('5 Nov')).toMatch(/YYYY-MM-DD/);
    expect(serviceDayDateProblem('2100-01-05')).toMatch(/2000 to 2099/);
  });

  it('checks the hours and counts their minutes', () => {
    expect(serviceHoursProblem('08:30', '11:30')).toBeNull();
    expect(serviceMinutes('08:30', '11:30')).toBe(180);
    expect(serviceHoursProblem('8:30', '11:30')).toEqual({
      field: 'startTime',
      message: 'must be a time written HH:MM',
    });
    expect(serviceHoursProblem('08:30', '25:00')?.field).toBe('endTime');
    expect(serviceHoursProblem('11:30', '08:30')).toEqual({
      field: 'endTime',
      message: 'must be after 11:30',
    });
  });

  it('refuses changes to a final record, naming its state', () => {
    expect(changeProblem('HELD', 'recording attendance', ['HELD'])).toBeNull();
    expect(changeProblem('SIGNED_OFF', 'recording attendance', ['PLANNED', 'HELD'])).toBe(
      'The service day is SIGNED_OFF (已签字确认); recording attendance needs PLANNED (已计划) or HELD (已举办)',
    );
  });

  it('words refused steps through the machine', () => {
    expect(SERVICE_DAY_STEPS.stepProblem('SIGNED_OFF', 'signOff')).toBe(
      'The service day is already SIGNED_OFF (已签字确认)',
    );
    expect(SERVICE_DAY_STEPS.stepProblem('HELD', 'cancel')).toMatch(/cancel\) needs PLANNED/);
  });

  it('keys the figures by organization and month, ancestors included', () => {
    expect(tallyIds(['a', 'b'], '2026-11')).toEqual(['a|2026-11', 'b|2026-11']);
  });

  it('averages satisfaction to two decimals', () => {
    expect(averageSatisfaction(0, 0)).toBeNull();
    expect(averageSatisfaction(95.29 + 100 + 90, 3)).toBe(95.1);
  });

  it('finds duplicates and agreement coverage', () => {
    expect(duplicates(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual(['a', 'b']);
    const parties = { unitIds: ['u1'], memberIds: ['m1'] };
    expect(coveredByAgreement(parties, 'm1', null)).toBe(true);
    expect(coveredByAgreement(parties, 'm2', 'u1')).toBe(true);
    expect(coveredByAgreement(parties, 'm2', 'u2')).toBe(false);
    expect(coveredByAgreement(parties, 'm2', undefined)).toBe(false);
  });
});
