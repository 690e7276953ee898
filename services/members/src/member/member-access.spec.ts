import { Types } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  canReadMember,
  memberListScope,
  relatedListScope,
  seesPersonalData,
} from './member-access';

const [province, district, street, branch, otherStreet, community, project] = Array.from(
  { length: 7 },
  () => new Types.ObjectId(),
);
const member = {
  _id: new Types.ObjectId(),
  organizationPath: [province, district, street, branch],
};
const claims = (role: Claims['role'], orgId?: Types.ObjectId, memberId?: string): Claims => ({
  sub: 't',
  role,
  orgId: orgId ? String(orgId) : undefined,
  memberId,
  exp: 0,
});

describe('member access', () => {
  it('shows raw personal data to ADMIN, the branch and its ancestors, and the member itself', () => {
    expect(seesPersonalData(claims('ADMIN'), member)).toBe(true);
    expect(seesPersonalData(claims('ORG_ADMIN', branch), member)).toBe(true);
    expect(seesPersonalData(claims('ORG_ADMIN', district), member)).toBe(true);
    expect(seesPersonalData(claims('MEMBER', branch, String(member._id)), member)).toBe(true);
  });

  it('masks it for everyone else, ANALYST and AUDITOR included', () => {
    expect(seesPersonalData(claims('ANALYST', district), member)).toBe(false);
    expect(seesPersonalData(claims('AUDITOR'), member)).toBe(false);
    expect(seesPersonalData(claims('ORG_ADMIN', otherStreet), member)).toBe(false);
    expect(seesPersonalData(claims('MEMBER', branch, String(new Types.ObjectId())), member)).toBe(
      false,
    );
    // a community the member reports to reads the record, masked
    const reporting = {
      ...member,
      communityReport: { communityPath: [province, community] },
    } as any;
    expect(canReadMember(claims('ORG_ADMIN', community), reporting)).toBe(true);
    expect(seesPersonalData(claims('ORG_ADMIN', community), reporting)).toBe(false);
  });

  it('lets each role read the members related to its scope', () => {
    expect(canReadMember(claims('ADMIN'), member)).toBe(true);
    expect(canReadMember(claims('AUDITOR'), member)).toBe(true);
    expect(canReadMember(claims('ANALYST', street), member)).toBe(true);
    expect(canReadMember(claims('ORG_ADMIN', otherStreet), member)).toBe(false);
    expect(canReadMember(claims('STATION_OPERATOR', branch), member)).toBe(false);
    expect(canReadMember(claims('MEMBER', branch, 'someone-else'), member)).toBe(false);
    const floating = { ...member, floating: { projectBranchPath: [project] } } as any;
    expect(canReadMember(claims('ORG_ADMIN', project), floating)).toBe(true);
  });

  it('turns scope into list queries', () => {
    expect(memberListScope(claims('ADMIN'))).toEqual({});
    expect(memberListScope(claims('ANALYST', street))).toEqual({ organizationPath: street });
    expect(memberListScope(claims('MEMBER', branch, String(member._id)))).toEqual({
      _id: member._id,
    });
    expect(memberListScope(claims('MEMBER', branch))).toEqual({ _id: { $in: [] } });
    expect(memberListScope(claims('STATION_OPERATOR', branch))).toBeNull();
    expect(relatedListScope(claims('ORG_ADMIN', community))).toEqual({});
    expect(relatedListScope(claims('STATION_OPERATOR', community))).toBeNull();
  });
});
