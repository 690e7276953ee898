import { Types } from 'mongoose';
import {
  contributionDelta,
  memberContribution,
  unitReportContribution,
  type CountedMember,
} from './contribution';

const [branch, other, site, community, unit] = [1, 2, 3, 4, 5].map(() => new Types.ObjectId());
const member = (over: Partial<CountedMember> = {}): CountedMember => ({
  _id: new Types.ObjectId(),
  version: 1,
  organizationId: branch,
  status: 'FULL',
  gender: 'FEMALE',
  birthDate: new Date('1985-03-07T00:00:00Z'),
  ...over,
});

describe('member contributions', () => {
  it('counts a member once by status, gender, birth year and day at its branch, and rosters it', () => {
    expect(memberContribution(member())).toEqual([
      `c|${branch}|s.FULL`,
      `r|home:${branch}`,
      `c|${branch}|g.FEMALE`,
      `c|${branch}|y.b1985`,
      `c|${branch}:1985|d.m0307`,
    ]);
  });

  it('keeps a member who left only in the status counts and the roster', () => {
    expect(memberContribution(member({ status: 'LEFT' }))).toEqual([
      `c|${branch}|s.LEFT`,
      `r|home:${branch}`,
    ]);
  });

  it('counts floating, double reporting and pending transfers where the lists find them', () => {
    const keys = memberContribution(
      member({
        unitOrganizationId: unit,
        floating: { projectBranchId: site } as CountedMember['floating'],
        communityReport: { communityId: community } as CountedMember['communityReport'],
        pendingTransfer: { toOrganizationId: other } as CountedMember['pendingTransfer'],
      }),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        `c|${site}|fl`,
        `c|${community}|rm.${unit}`,
        `c|${unit}|ru`,
        `c|${other}|ti`,
        `c|${branch}|to`,
      ]),
    );
    const noUnit = memberContribution(
      member({ communityReport: { communityId: community } as CountedMember['communityReport'] }),
    );
    expect(noUnit).toContain(`c|${community}|rm.none`);
  });

  it('counts active unit registrations only', () => {
    const report = {
      _id: new Types.ObjectId(),
      version: 1,
      unitOrganizationId: unit,
      communityId: community,
    };
    expect(unitReportContribution(report)).toEqual([`c|${community}|ur.${unit}`, `c|${unit}|uu`]);
    expect(unitReportContribution({ ...report, until: new Date() })).toEqual([]);
  });
});

describe('contribution deltas', () => {
  it('is empty for the same state and whole for a new member', () => {
    const keys = memberContribution(member());
    const same = contributionDelta(keys, [...keys].reverse());
    expect(same.counters.size + same.rosters.size).toBe(0);
    const fresh = contributionDelta([], keys);
    expect(fresh.counters.get(String(branch))).toEqual({
      's.FULL': 1,
      'g.FEMALE': 1,
      'y.b1985': 1,
    });
    expect(fresh.rosters).toEqual(new Map([[`home:${branch}`, 1]]));
  });

  it('moves a status, and a transfer moves every count and the roster entry', () => {
    const before = memberContribution(member({ status: 'PROBATIONARY' }));
    expect(contributionDelta(before, memberContribution(member())).counters).toEqual(
      new Map([[String(branch), { 's.FULL': 1, 's.PROBATIONARY': -1 }]]),
    );
    const moved = contributionDelta(
      memberContribution(member()),
      memberContribution(member({ organizationId: other })),
    );
    expect(moved.counters.get(String(branch))).toEqual({
      's.FULL': -1,
      'g.FEMALE': -1,
      'y.b1985': -1,
    });
    expect(moved.counters.get(`${other}:1985`)).toEqual({ 'd.m0307': 1 });
    expect(moved.rosters).toEqual(
      new Map([
        [`home:${other}`, 1],
        [`home:${branch}`, -1],
      ]),
    );
  });

  it('takes a member who leaves out of gender and age counts', () => {
    const left = contributionDelta(
      memberContribution(member()),
      memberContribution(member({ status: 'LEFT' })),
    );
    expect(left.counters.get(String(branch))).toEqual({
      's.LEFT': 1,
      's.FULL': -1,
      'g.FEMALE': -1,
      'y.b1985': -1,
    });
    expect(left.rosters.size).toBe(0);
  });
});
