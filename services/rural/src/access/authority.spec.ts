import type { Claims } from '@jiceng/auth';
import { mayWrite, provinceOf } from './authority';

const exp = Math.floor(Date.now() / 1000) + 60;
const claims = (role: Claims['role'], orgId?: string): Claims => ({ sub: 's', role, orgId, exp });
// district → street → village
const village = { id: 'v', ancestorIds: ['district', 'street'] };

describe('write authority', () => {
  it('ABOVE: ADMIN and the ORG_ADMIN of an ancestor, not of the organization itself', () => {
    expect(mayWrite(claims('ADMIN'), village, 'ABOVE')).toBe(true);
    expect(mayWrite(claims('ORG_ADMIN', 'street'), village, 'ABOVE')).toBe(true);
    expect(mayWrite(claims('ORG_ADMIN', 'district'), village, 'ABOVE')).toBe(true);
    expect(mayWrite(claims('ORG_ADMIN', 'v'), village, 'ABOVE')).toBe(false);
  });

  it('OWN_OR_ABOVE: also the organization itself', () => {
    expect(mayWrite(claims('ORG_ADMIN', 'v'), village, 'OWN_OR_ABOVE')).toBe(true);
    expect(mayWrite(claims('ORG_ADMIN', 'street'), village, 'OWN_OR_ABOVE')).toBe(true);
  });

  it('refuses other subtrees, analysts, auditors and members', () => {
    for (const authority of ['ABOVE', 'OWN_OR_ABOVE'] as const) {
      expect(mayWrite(claims('ORG_ADMIN', 'other-street'), village, authority)).toBe(false);
      expect(mayWrite(claims('ANALYST', 'district'), village, authority)).toBe(false);
      expect(mayWrite(claims('AUDITOR'), village, authority)).toBe(false);
      expect(mayWrite(claims('MEMBER', 'v'), village, authority)).toBe(false);
    }
  });

  it('reads the province from a region code', () => {
    expect(provinceOf('130632')).toBe('13');
    expect(provinceOf('370783')).not.toBe(provinceOf('130632'));
  });
});
