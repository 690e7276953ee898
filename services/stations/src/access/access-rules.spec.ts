import type { Claims } from '@jiceng/auth';
import { canAdminister, canOperate } from './access-rules';

const exp = Math.floor(Date.now() / 1000) + 60;
const claims = (role: Claims['role'], orgId?: string): Claims => ({ sub: 's', role, orgId, exp });
// district → street → community
const community = { id: 'c', ancestorIds: ['district', 'street'] };

describe('station access', () => {
  it('lets ADMIN and the ORG_ADMIN of the organization or above administer', () => {
    expect(canAdminister(claims('ADMIN'), community)).toBe(true);
    expect(canAdminister(claims('ORG_ADMIN', 'c'), community)).toBe(true);
    expect(canAdminister(claims('ORG_ADMIN', 'district'), community)).toBe(true);
    expect(canAdminister(claims('ORG_ADMIN', 'other'), community)).toBe(false);
    expect(canAdminister(claims('STATION_OPERATOR', 'c'), community)).toBe(false);
    expect(canAdminister(claims('AUDITOR'), community)).toBe(false);
  });

  it('lets station operators of the subtree run the station too, and nobody else', () => {
    expect(canOperate(claims('STATION_OPERATOR', 'c'), community)).toBe(true);
    expect(canOperate(claims('STATION_OPERATOR', 'street'), community)).toBe(true);
    expect(canOperate(claims('STATION_OPERATOR', 'other'), community)).toBe(false);
    expect(canOperate(claims('ORG_ADMIN', 'street'), community)).toBe(true);
    for (const role of ['MEMBER', 'ANALYST', 'AUDITOR'] as const)
      expect(canOperate(claims(role, 'c'), community)).toBe(false);
  });
});
