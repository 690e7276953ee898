import { registrationProblems, transitionProblems, type StatusState } from './member-steps';

const now = new Date('2024-06-01T00:00:00Z');
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const state = (status: StatusState['status'], since: string): StatusState => ({
  status,
  statusSince: at(since),
  birthDate: at('1995-03-01'),
});
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('status transitions', () => {
  it('allows the next step, dated on or after the current status began', () => {
    expect(
      transitionProblems(
        state('APPLICANT', '2023-01-01'),
        { to: 'ACTIVIST', at: at('2023-03-01') },
        now,
      ),
    ).toEqual([]);
    expect(
      transitionProblems(
        state('CANDIDATE', '2023-01-01'),
        { to: 'PROBATIONARY', at: at('2023-01-01') },
        now,
      ),
    ).toEqual([]);
  });

  it('refuses to skip a step and names the next one', () => {
    const problems = transitionProblems(
      state('APPLICANT', '2023-01-01'),
      { to: 'CANDIDATE', at: at('2024-03-01') },
      now,
    );
    expect(fields(problems)).toEqual(['input.to']);
    expect(problems[0].message).toMatch(
      /skips a step: after APPLICANT \(入党申请人\) comes ACTIVIST/,
    );
    expect(
      fields(
        transitionProblems(
          state('APPLICANT', '2020-01-01'),
          { to: 'FULL', at: at('2024-03-01') },
          now,
        ),
      ),
    ).toEqual(['input.to']);
  });

  it('goes back only with a reason', () => {
    const back = { to: 'ACTIVIST' as const, at: at('2024-02-01') };
    expect(fields(transitionProblems(state('CANDIDATE', '2024-01-01'), back, now))).toEqual([
      'input.reason',
    ]);
    expect(
      fields(transitionProblems(state('CANDIDATE', '2024-01-01'), { ...back, reason: '  ' }, now)),
    ).toEqual(['input.reason']);
    expect(
      transitionProblems(
        state('CANDIDATE', '2024-01-01'),
        { ...back, reason: '考察期表现不合格' },
        now,
      ),
    ).toEqual([]);
    expect(
      transitionProblems(
        state('PROBATIONARY', '2024-01-01'),
        { to: 'APPLICANT', at: at('2024-02-01'), reason: '取消预备党员资格' },
        now,
      ),
    ).toEqual([]);
  });

  it('keeps the minimum periods: a year as activist, a year of probation', () => {
    const early = transitionProblems(
      state('ACTIVIST', '2023-09-01'),
      { to: 'CANDIDATE', at: at('2024-05-01') },
      now,
    );
    expect(fields(early)).toEqual(['input.at']);
    expect(early[0].message).toMatch(/on or after 2024-09-01/);
    expect(
      transitionProblems(
        state('ACTIVIST', '2023-05-01'),
        { to: 'CANDIDATE', at: at('2024-05-01') },
        now,
      ),
    ).toEqual([]);
    expect(
      fields(
        transitionProblems(
          state('PROBATIONARY', '2023-07-01'),
          { to: 'FULL', at: at('2024-05-01') },
          now,
        ),
      ),
    ).toEqual(['input.at']);
    expect(
      transitionProblems(
        state('PROBATIONARY', '2023-05-01'),
        { to: 'FULL', at: at('2024-05-01') },
        now,
      ),
    ).toEqual([]);
  });

  it('refuses dates in the future or before the current status', () => {
    expect(
      transitionProblems(
        state('APPLICANT', '2023-01-01'),
        { to: 'ACTIVIST', at: at('2024-07-01') },
        now,
      )[0].message,
    ).toMatch(/future/);
    expect(
      transitionProblems(
        state('APPLICANT', '2023-01-01'),
        { to: 'ACTIVIST', at: at('2022-12-31') },
        now,
      )[0].message,
    ).toMatch(/before the current status began \(2023-01-01\)/);
  });

  it('leaves LEFT and the current status to other paths', () => {
    expect(
      transitionProblems(state('FULL', '2020-01-01'), { to: 'LEFT', at: at('2024-01-01') }, now)[0]
        .message,
    ).toMatch(/leaveParty/);
    expect(
      fields(
        transitionProblems(state('FULL', '2020-01-01'), { to: 'FULL', at: at('2024-01-01') }, now),
      ),
    ).toEqual(['input.to']);
  });
});

describe('registration', () => {
  it('needs an adult and a past date, and never LEFT', () => {
    const birthDate = at('2006-08-01');
    expect(
      registrationProblems(
        { status: 'APPLICANT', statusSince: at('2024-08-01'), birthDate },
        new Date('2024-09-01'),
      ),
    ).toEqual([]);
    expect(
      registrationProblems(
        { status: 'APPLICANT', statusSince: at('2024-07-31'), birthDate },
        new Date('2024-09-01'),
      )[0].message,
    ).toMatch(/turned 18 \(2024-08-01\)/);
    expect(
      fields(
        registrationProblems({ status: 'LEFT', statusSince: at('2024-08-01'), birthDate }, now),
      ),
    ).toEqual(['input.status']);
    expect(
      registrationProblems(
        { status: 'FULL', statusSince: at('2025-01-01'), birthDate: at('1980-01-01') },
        now,
      )[0].message,
    ).toMatch(/future/);
  });
});
