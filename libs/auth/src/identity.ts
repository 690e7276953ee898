import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import {
  SettingProblem,
  SettingsError,
  optionalText,
  readSettings,
  text,
  wholeNumber,
  type Setting,
} from '@jiceng/config';
import { AuthError, ROLES, assertClaims, type Claims, type Role } from './claims';
import { type HmacSecret, hmacKey } from './hmac-key';
import { bearerToken, verifyBearer } from './jwt';

// An identity provider (OIDC) signs tokens with its own keys (RS256 or ES256), published as a
// JWKS. When OIDC_JWKS_URL is set the gateway accepts only those tokens; HS256 with JWT_SECRET
// is then refused (no algorithm confusion). Without it the gateway keeps HS256, for development
// and for deployments that mint their own tokens: production then needs JWT_SECRET (secrets.ts).

/** Only asymmetric algorithms: a JWKS never holds the HS256 secret, so HS256 is never tried. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'];

const roleMap: Setting<Record<string, Role>> = {
  variable: 'OIDC_ROLE_MAP',
  doc: 'JSON object from the provider role values to platform roles, e.g. {"dzz_admin":"ORG_ADMIN"}',
  parse(raw) {
    if (raw === undefined || raw === '') return {};
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return new SettingProblem('must be a JSON object');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return new SettingProblem('must be a JSON object');
    for (const role of Object.values(value)) {
      if (!ROLES.includes(role as Role))
        return new SettingProblem(`must map to roles among ${ROLES.join(', ')}`);
    }
    return value as Record<string, Role>;
  },
};

export const OIDC_SETTINGS = {
  jwksUrl: optionalText(
    'OIDC_JWKS_URL',
    'JWKS of the identity provider; when set, only its RS256/ES256 tokens are accepted',
  ),
  issuer: optionalText(
    'OIDC_ISSUER',
    'the `iss` the provider tokens must carry (required with OIDC_JWKS_URL)',
  ),
  audience: optionalText(
    'OIDC_AUDIENCE',
    'the `aud` the provider tokens must carry (required with OIDC_JWKS_URL)',
  ),
  claimRole: text('OIDC_CLAIM_ROLE', 'role', 'dotted path of the role claim in provider tokens'),
  claimOrg: text('OIDC_CLAIM_ORG', 'orgId', 'dotted path of the organization id claim'),
  claimMember: text('OIDC_CLAIM_MEMBER', 'memberId', 'dotted path of the member id claim'),
  roleMap,
  refetchCooldownMs: wholeNumber(
    'OIDC_JWKS_COOLDOWN_MS',
    30_000,
    { min: 0 },
    'least time between two JWKS fetches an unknown `kid` triggers (rate limit)',
  ),
  cacheMaxAgeMs: wholeNumber(
    'OIDC_JWKS_MAX_AGE_MS',
    600_000,
    { min: 0 },
    'how long fetched keys are used before the JWKS is fetched again',
  ),
};

export interface OidcConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
  claimRole: string;
  claimOrg: string;
  claimMember: string;
  roleMap: Record<string, Role>;
  refetchCooldownMs: number;
  cacheMaxAgeMs: number;
}

/** The provider settings, or undefined when OIDC_JWKS_URL is unset (HS256 mode). */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const values = readSettings(OIDC_SETTINGS, env);
  if (values.jwksUrl === undefined) return undefined;
  const missing = [
    values.issuer === undefined && 'OIDC_ISSUER must be set with OIDC_JWKS_URL',
    values.audience === undefined && 'OIDC_AUDIENCE must be set with OIDC_JWKS_URL',
  ].filter((p): p is string => Boolean(p));
  try {
    new URL(values.jwksUrl);
  } catch {
    missing.push('OIDC_JWKS_URL must be a URL');
  }
  if (missing.length) throw new SettingsError(missing);
  return { ...values, jwksUrl: values.jwksUrl, issuer: values.issuer!, audience: values.audience! };
}

function atPath(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Provider claims to platform claims; a list of roles gives the first one that maps. */
export function mapProviderClaims(payload: JWTPayload, config: OidcConfig): Claims {
  const raw = atPath(payload, config.claimRole);
  const candidates = Array.isArray(raw) ? raw : [raw];
  const role =
    candidates
      .map((value) => (typeof value === 'string' ? (config.roleMap[value] ?? value) : undefined))
      .find((value) => ROLES.includes(value as Role)) ?? candidates[0];
  return assertClaims({
    sub: payload.sub,
    role,
    orgId: atPath(payload, config.claimOrg),
    memberId: atPath(payload, config.claimMember),
    exp: payload.exp,
  });
}

/** jose's errors as messages for the caller: what is wrong, never a key, URL or stack. */
function providerError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError('Invalid token: expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new AuthError('Invalid token: wrong issuer');
    if (error.claim === 'aud') return new AuthError('Invalid token: wrong audience');
    return new AuthError(`Invalid token: claim ${error.claim} rejected`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthError('Invalid token: unknown key');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AuthError('Invalid token: algorithm not allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AuthError('Invalid token: invalid signature');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return new AuthError('Invalid token: identity provider keys unavailable');
  if (error instanceof errors.JOSEError) return new AuthError('Invalid token: malformed');
  // A failed JWKS fetch (connection refused, HTTP error) surfaces as a plain Error.
  return new AuthError('Invalid token: identity provider keys unavailable');
}

/** The one entry point the gateway calls per request: a bearer header in, Claims out. */
export type BearerVerifier = (authorization: string | undefined) => Promise<Claims>;

/**
 * Provider mode when `oidc` is given: keys fetched from the JWKS and cached by jose; a token with
 * an unknown `kid` makes it fetch again, at most once per `refetchCooldownMs` (a flood of forged
 * kids cannot hammer the provider). A key removed from the JWKS stops verifying once the set is
 * fetched again (after `cacheMaxAgeMs`, or sooner when a new `kid` triggers a fetch). Otherwise
 * HS256 with the shared secret (verifyBearer).
 */
export function createBearerVerifier(
  oidc: OidcConfig | undefined,
  jwtSecret: HmacSecret,
): BearerVerifier {
  if (!oidc) {
    const key = hmacKey(jwtSecret);
    return async (authorization) => verifyBearer(authorization, key);
  }
  const keys = createRemoteJWKSet(new URL(oidc.jwksUrl), {
    cooldownDuration: oidc.refetchCooldownMs,
    cacheMaxAge: oidc.cacheMaxAgeMs,
  });
  return async (authorization) => {
    const token = bearerToken(authorization);
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: OIDC_ALGORITHMS,
        issuer: oidc.issuer,
        audience: oidc.audience,
        requiredClaims: ['exp', 'sub'],
      });
      return mapProviderClaims(payload, oidc);
    } catch (error) {
      throw providerError(error);
    }
  };
}
