import jwt from 'jsonwebtoken';
import { AuthError, assertClaims, type Claims } from './claims';
import { hmacKey, type HmacSecret } from './hmac-key';

export const JWT_ISSUER = 'jiceng';

/** The token of an `Authorization: Bearer …` header, for either verifier (HS256 here, identity.ts). */
export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
  if (!match) throw new AuthError('Missing bearer token');
  return match[1];
}

/**
 * Verifies an `Authorization: Bearer …` header (HS256) and returns its claims. A long-lived caller
 * passes `hmacKey(secret)`, made once (see hmac-key.ts).
 */
export function verifyBearer(
  authorization: string | undefined,
  secret: HmacSecret,
  nowSeconds?: number,
): Claims {
  const token = bearerToken(authorization);
  let payload: unknown;
  try {
    payload = jwt.verify(token, hmacKey(secret), {
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      clockTimestamp: nowSeconds,
    });
  } catch (error) {
    throw new AuthError(`Invalid token: ${(error as Error).message}`);
  }
  return assertClaims(payload);
}

export interface TokenRequest {
  sub: string;
  role: Claims['role'];
  orgId?: string;
  memberId?: string;
  ttlSeconds?: number;
}

export function mintToken(request: TokenRequest, secret: HmacSecret): string {
  const { ttlSeconds = 8 * 3600, ...claims } = request;
  const now = Math.floor(Date.now() / 1000);
  assertClaims({ ...claims, exp: now + ttlSeconds });
  return jwt.sign(claims, hmacKey(secret), {
    algorithm: 'HS256',
    issuer: JWT_ISSUER,
    expiresIn: ttlSeconds,
  });
}
