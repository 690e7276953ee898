import type { Claims } from '@jiceng/auth';
import { canAdministerCommunity, isCommunity } from './community-scope';

const exp = Math.floor(Date.now() / 1000) + 60;
const claims = (role: Claims['role'], orgId?: string): Claims => ({ sub: 's', role, orgId, exp });
// district → street → community
const community = { id: 'c', ancestorIds: ['district', 'street'] };

describe('community scope', () => {
  it('lets ADMIN and the ORG_ADMIN of the community or above administer it', () => {
    expect(canAdministerCommunity(claims('ADMIN'), community)).toBe(true);
    expect(canAdministerCommunity(claims('ORG_ADMIN', 'c'), community)).toBe(true);
    expect(canAdministerCommunity(claims('ORG_ADMIN', 'street'), community)).toBe(true);
    expect(canAdministerCommunity(claims('ORG_ADMIN', 'district'), community)).toBe(true);
  });

  it('refuses other communities, members, analysts and auditors', () => {
    expect(canAdministerCommunity(claims('ORG_ADMIN', 'other-street'), community)).toBe(false);
    expect(canAdministerCommunity(claims('MEMBER', 'c'), community)).toBe(false);
    expect(canAdministerCommunity(claims('ANALYST', 'district'), community)).toBe(false);
    expect(canAdministerCommunity(claims('AUDITOR'), community)).toBe(false);
  });

  it('knows a community or village party organization from a street committee or a grid', () => {
    expect(isCommunity({ sector: 'COMMUNITY', kind: 'PARTY_COMMITTEE' })).toBe(true);
    expect(isCommunity({ sector: 'COMMUNITY', kind: 'GENERAL_BRANCH' })).toBe(true);
    expect(isCommunity({ sector: 'VILLAGE', kind: 'BRANCH' })).toBe(true);
    expect(isCommunity({ sector: 'COMMUNITY', kind: 'WORKING_COMMITTEE' })).toBe(false);
    expect(isCommunity({ sector: 'GRID', kind: 'BRANCH' })).toBe(false);
  });
});
