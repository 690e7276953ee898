import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthError, assertClaims, type Claims } from './claims';

/** The header the gateway sets and every subgraph requires; clients can never set it themselves. */
export const CLAIMS_HEADER = 'x-jiceng-claims';

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `<base64url(json claims)>.<base64url(hmac-sha256)>` */
export function signClaims(claims: Claims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** Verifies the signature and expiry of a claims header; throws AuthError otherwise. */
export function verifyClaimsHeader(
  value: string | undefined,
  secret: string,
  nowSeconds = Date.now() / 1000,
): Claims {
  if (!value) throw new AuthError('Missing signed claims');
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) throw new AuthError('Malformed signed claims');
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AuthError('Invalid claims signature');
  }
  let claims: Claims;
  try {
    claims = assertClaims(JSON.parse(Buffer.from(payload, 'base64url').toString()));
  } catch (error) {
    throw error instanceof AuthError ? error : new AuthError('Malformed signed claims');
  }
  if (claims.exp <= nowSeconds) throw new AuthError('Claims have expired');
  return claims;
}
