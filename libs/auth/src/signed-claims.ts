import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthError, assertClaims, type Claims } from './claims';
import type { HmacSecret } from './hmac-key';

/** The header the gateway sets and every subgraph requires; clients can never set it themselves. */
export const CLAIMS_HEADER = 'x-jiceng-claims';

// createHmac takes the string or a key object made once with hmacKey (no parsing either way).
function mac(payload: string, secret: HmacSecret): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * `<base64url(json claims)>.<base64url(hmac-sha256)>`. The gateway signs once per request and
 * reuses the header for every subgraph fetch of that request.
 */
export function signClaims(claims: Claims, secret: HmacSecret): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** Verifies the signature and expiry of a claims header; throws AuthError otherwise. */
export function verifyClaimsHeader(
  value: string | undefined,
  secret: HmacSecret,
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
