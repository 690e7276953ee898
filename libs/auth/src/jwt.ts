import jwt from 'jsonwebtoken';
import { AuthError, assertClaims, type Claims } from './claims';
import { hmacKey, type HmacSecret } from './hmac-key';

export const JWT_ISSUER = 'jiceng';

/**
 * Verifies an `Authorization: Bearer …` header (HS256) and returns its claims. A long-lived caller
 * passes `hmacKey(secret)`, made once (see hmac-key.ts).
 */
export function verifyBearer(
  authorization: string | undefined,
  secret: HmacSecret,
  nowSeconds?: number,
): Claims {
  const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
  if (!match) throw new AuthError('Missing bearer token');
  let payload: unknown;
  try {
    payload = jwt.verify(match[1], hmacKey(secret), {
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
