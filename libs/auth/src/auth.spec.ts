import jwt from 'jsonwebtoken';
import { canAdminister, canManage, isWithinRecordScope, isWithinScope } from './org-scope';
import { hmacKey } from './hmac-key';
import { mintToken, verifyBearer } from './jwt';
import { CLAIMS_HEADER, signClaims, verifyClaimsHeader } from './signed-claims';
import type { Claims } from './claims';

const SECRET = 'test-secret';
const ORG = '6b02d8672a6584f6ec021221';
const now = Math.floor(Date.now() / 1000);

describe('JWT verification', () => {
  it('accepts a token it minted and returns its claims', () => {
    const token = mintToken({ sub: 'u1', role: 'ORG_ADMIN', orgId: ORG }, SECRET);
    expect(verifyBearer(`Bearer ${token}`, SECRET)).toMatchObject({
      sub: 'u1',
      role: 'ORG_ADMIN',
      orgId: ORG,
    });
  });

  it('rejects missing, foreign, expired, unsigned and malformed tokens', () => {
    const token = mintToken({ sub: 'u1', role: 'ADMIN' }, SECRET);
    expect(() => verifyBearer(undefined, SECRET)).toThrow('Missing bearer token');
    expect(() => verifyBearer(`Bearer ${token}`, 'other')).toThrow(/invalid signature/);
    expect(() => verifyBearer(`Bearer ${token}`, SECRET, now + 9 * 3600)).toThrow(/expired/);
    const none = jwt.sign({ sub: 'u1', role: 'ADMIN', iss: 'jiceng' }, '', { algorithm: 'none' });
    expect(() => verifyBearer(`Bearer ${none}`, SECRET)).toThrow(/Invalid token/);
    const noOrg = jwt.sign({ sub: 'u1', role: 'ORG_ADMIN' }, SECRET, {
      issuer: 'jiceng',
      expiresIn: 60,
    });
    expect(() => verifyBearer(`Bearer ${noOrg}`, SECRET)).toThrow(
      'claims.orgId is required for role ORG_ADMIN',
    );
    const badRole = jwt.sign({ sub: 'u1', role: 'ROOT' }, SECRET, {
      issuer: 'jiceng',
      expiresIn: 60,
    });
    expect(() => verifyBearer(`Bearer ${badRole}`, SECRET)).toThrow(/claims.role/);
  });

  it('takes the secret as a string or as the key object made once from it', () => {
    const key = hmacKey(SECRET);
    expect(hmacKey(key)).toBe(key);
    const token = mintToken({ sub: 'u1', role: 'ADMIN' }, key);
    expect(verifyBearer(`Bearer ${token}`, SECRET)).toMatchObject({ sub: 'u1', role: 'ADMIN' });
    const fromString = mintToken({ sub: 'u2', role: 'ADMIN' }, SECRET);
    expect(verifyBearer(`Bearer ${fromString}`, key)).toMatchObject({ sub: 'u2' });
    expect(() => verifyBearer(`Bearer ${token}`, hmacKey('other'))).toThrow(/invalid signature/);
  });
});

describe('signed claims header', () => {
  const claims: Claims = { sub: 'u1', role: 'MEMBER', orgId: ORG, exp: now + 60 };

  it('round-trips claims signed with the shared secret', () => {
    expect(CLAIMS_HEADER).toBe('x-jiceng-claims');
    expect(verifyClaimsHeader(signClaims(claims, SECRET), SECRET)).toEqual(claims);
  });

  it('signs the same header with the secret string or its key object', () => {
    const header = signClaims(claims, hmacKey(SECRET));
    expect(header).toBe(signClaims(claims, SECRET));
    expect(verifyClaimsHeader(header, hmacKey(SECRET))).toEqual(claims);
  });

  it('rejects a missing, wrongly signed, tampered or expired header', () => {
    const header = signClaims(claims, SECRET);
    expect(() => verifyClaimsHeader(undefined, SECRET)).toThrow('Missing signed claims');
    expect(() => verifyClaimsHeader(header, 'other-secret')).toThrow('Invalid claims signature');
    const [, signature] = header.split('.');
    const escalated = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString(
      'base64url',
    );
    expect(() => verifyClaimsHeader(`${escalated}.${signature}`, SECRET)).toThrow(
      'Invalid claims signature',
    );
    expect(() => verifyClaimsHeader('abc', SECRET)).toThrow('Malformed signed claims');
    expect(() => verifyClaimsHeader(header, SECRET, now + 120)).toThrow('Claims have expired');
  });
});

describe('organization scope', () => {
  const node = { id: 'c', ancestorIds: ['root', ORG, 'b'] };
  const claims = (role: Claims['role'], orgId?: string): Claims => ({
    sub: 's',
    role,
    orgId,
    exp: now + 60,
  });

  it('lets every role but ADMIN and AUDITOR read only its own subtree', () => {
    expect(isWithinScope(claims('ADMIN'), node)).toBe(true);
    expect(isWithinScope(claims('AUDITOR'), node)).toBe(true);
    expect(isWithinScope(claims('ANALYST', ORG), node)).toBe(true);
    expect(isWithinScope(claims('ORG_ADMIN', 'c'), node)).toBe(true);
    expect(isWithinScope(claims('ORG_ADMIN', 'other'), node)).toBe(false);
  });

  it("never lets a MEMBER read an organization's records: its scope is itself, not its branch", () => {
    expect(isWithinScope(claims('MEMBER', 'c'), node)).toBe(true);
    expect(isWithinRecordScope(claims('MEMBER', 'c'), node)).toBe(false);
    expect(isWithinRecordScope(claims('ORG_ADMIN', 'c'), node)).toBe(true);
    expect(isWithinRecordScope(claims('STATION_OPERATOR', 'other'), node)).toBe(false);
    expect(isWithinRecordScope(claims('AUDITOR'), node)).toBe(true);
  });

  it('lets only ADMIN and the ORG_ADMIN of an ancestor change a node', () => {
    expect(canManage(claims('ADMIN'), node)).toBe(true);
    expect(canManage(claims('ORG_ADMIN', ORG), node)).toBe(true);
    expect(canManage(claims('ORG_ADMIN', 'c'), node)).toBe(false);
    expect(canManage(claims('ANALYST', ORG), node)).toBe(false);
    expect(canManage(claims('AUDITOR'), node)).toBe(false);
  });

  it("lets ADMIN and the ORG_ADMIN of the node or above run what is the node's", () => {
    expect(canAdminister(claims('ADMIN'), node)).toBe(true);
    expect(canAdminister(claims('ORG_ADMIN', ORG), node)).toBe(true);
    expect(canAdminister(claims('ORG_ADMIN', 'c'), node)).toBe(true);
    expect(canAdminister(claims('ORG_ADMIN', 'other'), node)).toBe(false);
    expect(canAdminister(claims('ANALYST', ORG), node)).toBe(false);
    expect(canAdminister(claims('AUDITOR'), node)).toBe(false);
  });
});
