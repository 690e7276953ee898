import { COMMITMENT_SHEET_STEPS, earliestDate } from './commitment-sheet-steps';

const commitmentStepProblem = COMMITMENT_SHEET_STEPS.stepProblem;

describe('commitment sheet order', () => {
  it('takes the mid-year report after the goals and the assessment after the report', () => {
    expect(commitmentStepProblem('GOALS_SET', 'midYearReport')).toBeNull();
    expect(commitmentStepProblem('MID_YEAR_REPORTED', 'yearEndAssessment')).toBeNull();
  });

  it('refuses an assessment before the report, and every step a second time', () => {
    expect(commitmentStepProblem('GOALS_SET', 'yearEndAssessment')).toBe(
      'The commitment sheet is GOALS_SET (年初已定目标); the year-end assessment (年末考核) needs MID_YEAR_REPORTED (年中已汇报)',
    );
    expect(commitmentStepProblem('MID_YEAR_REPORTED', 'midYearReport')).toMatch(
      /mid-year report .* was already recorded/,
    );
    // Past the step's own stage, the refusal says where the sheet is, as every machine does.
    expect(commitmentStepProblem('ASSESSED', 'midYearReport')).toMatch(
      /is ASSESSED \(年末已考核\); the mid-year report .* needs GOALS_SET/,
    );
    expect(commitmentStepProblem('ASSESSED', 'yearEndAssessment')).toMatch(/already recorded/);
  });

  it('dates the report from June and the assessment from December of the sheet year', () => {
    expect(earliestDate(2022, 'midYearReport')).toBe('2022-06-01');
    expect(earliestDate(2022, 'yearEndAssessment')).toBe('2022-12-01');
  });
});
