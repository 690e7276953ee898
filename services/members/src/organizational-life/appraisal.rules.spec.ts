import {
  appraisalProblems,
  appraisalRules,
  type HouseholdContactDutySource,
} from './appraisal.rules';

/** A stand-in for the grid issue's data: who met the household-contact duty in which year. */
const duties = (met: Record<string, boolean>): HouseholdContactDutySource => ({
  dutyMet: async (memberId, year) => met[`${memberId}:${year}`] ?? null,
});
const source = duties({ 'm1:2023': false, 'm2:2023': true });

describe('appraisal rules', () => {
  it('refuse 好 for a member whose household-contact duty was not met, when switched on', async () => {
    const rules = appraisalRules({ householdContact: true }, source);
    expect(await appraisalProblems(rules, { memberId: 'm1', year: 2023, grade: 'GOOD' })).toEqual([
      { field: 'input.grade', message: expect.stringMatching(/household-contact duty for 2023/) },
    ]);
    expect(
      await appraisalProblems(rules, { memberId: 'm1', year: 2023, grade: 'FAIRLY_GOOD' }),
    ).toEqual([]);
    expect(await appraisalProblems(rules, { memberId: 'm2', year: 2023, grade: 'GOOD' })).toEqual(
      [],
    );
    // Unknown is not "not met": nothing is refused for want of data.
    expect(await appraisalProblems(rules, { memberId: 'm1', year: 2022, grade: 'GOOD' })).toEqual(
      [],
    );
  });

  it('refuse nothing when switched off (the default)', async () => {
    const rules = appraisalRules({ householdContact: false }, source);
    expect(rules).toEqual([]);
    expect(await appraisalProblems(rules, { memberId: 'm1', year: 2023, grade: 'GOOD' })).toEqual(
      [],
    );
  });
});
