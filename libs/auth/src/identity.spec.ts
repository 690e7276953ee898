import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type CryptoKey } from 'jose';
import jwt from 'jsonwebtoken';
import { SettingsError } from '@jiceng/config';
import { createBearerVerifier, oidcConfigFromEnv, type OidcConfig } from './identity';

// The provider is a real HTTP server on loopback serving a JWKS the test rotates: the verifier
// fetches it exactly as it would a province's identity provider.

const ISSUER = 'https://idp.example.gov.cn/realms/hebei';
const AUDIENCE = 'jiceng-gateway';
const ORG = '665f1a2b3c4d5e6f70809001';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function token(
  key: SigningKey,
  claims: Record<string, unknown>,
  { issuer = ISSUER, audience = AUDIENCE, expiresIn = '1h' } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject('u-42')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

describe('identity provider tokens (RS256/ES256 against a JWKS)', () => {
  let server: Server;
  let served: JWK[] = [];
  let fetches = 0;
  let config: OidcConfig;
  let rsa: SigningKey;
  let ec: SigningKey;

  beforeAll(async () => {
    [rsa, ec] = await Promise.all([signingKey('rsa-1', 'RS256'), signingKey('ec-1', 'ES256')]);
    served = [rsa.jwk, ec.jwk];
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    config = oidcConfigFromEnv({
      OIDC_JWKS_URL: `http://127.0.0.1:${port}/certs`,
      OIDC_ISSUER: ISSUER,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_CLAIM_ROLE: 'realm_access.roles',
      OIDC_CLAIM_ORG: 'dzz_id',
      OIDC_ROLE_MAP: JSON.stringify({ dzz_admin: 'ORG_ADMIN' }),
      OIDC_JWKS_COOLDOWN_MS: '0',
    })!;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const bearer = async (t: Promise<string> | string) => `Bearer ${await t}`;

  it('accepts RS256 and ES256 tokens and maps the provider claims by configuration', async () => {
    const verify = createBearerVerifier(config, 'unused');
    const claims = { realm_access: { roles: ['offline_access', 'dzz_admin'] }, dzz_id: ORG };
    for (const key of [rsa, ec])
      await expect(verify(await bearer(token(key, claims)))).resolves.toMatchObject({
        sub: 'u-42',
        role: 'ORG_ADMIN',
        orgId: ORG,
      });
  });

  it('refuses a wrong issuer, a wrong audience, an expired token and HS256 (no alg confusion)', async () => {
    const verify = createBearerVerifier(config, 'dev-secret');
    const claims = { realm_access: { roles: ['dzz_admin'] }, dzz_id: ORG };
    await expect(
      verify(await bearer(token(rsa, claims, { issuer: 'https://evil.example' }))),
    ).rejects.toThrow('wrong issuer');
    await expect(
      verify(await bearer(token(rsa, claims, { audience: 'other-app' }))),
    ).rejects.toThrow('wrong audience');
    await expect(verify(await bearer(token(ec, claims, { expiresIn: '-1m' })))).rejects.toThrow(
      'expired',
    );
    const hs = jwt.sign({ role: 'ADMIN', sub: 'u', iss: ISSUER, aud: AUDIENCE }, 'dev-secret', {
      expiresIn: '1h',
    });
    await expect(verify(`Bearer ${hs}`)).rejects.toThrow(/algorithm not allowed|unknown key/);
    await expect(verify(undefined)).rejects.toThrow('Missing bearer token');
  });

  it('refuses claims the platform cannot use, with the field named', async () => {
    const verify = createBearerVerifier(config, 'unused');
    await expect(
      verify(await bearer(token(rsa, { realm_access: { roles: ['dzz_admin'] } }))),
    ).rejects.toThrow(/orgId/);
    await expect(
      verify(await bearer(token(rsa, { realm_access: { roles: ['ROOT'] }, dzz_id: ORG }))),
    ).rejects.toThrow(/role/);
  });

  it('follows a key rotation: a new kid is fetched, a removed key stops verifying', async () => {
    const verify = createBearerVerifier(config, 'unused');
    const claims = { realm_access: { roles: ['dzz_admin'] }, dzz_id: ORG };
    const oldToken = await bearer(token(rsa, claims));
    await expect(verify(oldToken)).resolves.toMatchObject({ role: 'ORG_ADMIN' });
    const before = fetches;
    const rotated = await signingKey('rsa-2', 'RS256');
    served = [rotated.jwk, ec.jwk];
    await expect(verify(await bearer(token(rotated, claims)))).resolves.toMatchObject({
      orgId: ORG,
    });
    expect(fetches).toBe(before + 1);
    // The refetch the new kid caused holds the set without rsa-1.
    await expect(verify(oldToken)).rejects.toThrow(/unknown key/);
  });

  it('rate-limits the refetches a flood of unknown kids would cause', async () => {
    const verify = createBearerVerifier({ ...config, refetchCooldownMs: 60_000 }, 'unused');
    const claims = { realm_access: { roles: ['dzz_admin'] }, dzz_id: ORG };
    await verify(await bearer(token(ec, claims)));
    const before = fetches;
    for (let i = 0; i < 5; i++) {
      const forged = await signingKey(`forged-${i}`, 'ES256');
      await expect(verify(await bearer(token(forged, claims)))).rejects.toThrow(/unknown key/);
    }
    expect(fetches).toBe(before);
  });

  it('answers a provider that cannot be reached without internals', async () => {
    const verify = createBearerVerifier(
      { ...config, jwksUrl: 'http://127.0.0.1:9/certs' },
      'unused',
    );
    const error = await verify(await bearer(token(rsa, { dzz_id: ORG }))).catch((e: Error) => e);
    expect(String(error)).toMatch(/identity provider keys unavailable/);
    expect(String(error)).not.toMatch(/127\.0\.0\.1/);
  });

  it('requires the issuer and audience with a JWKS URL', () => {
    expect(() => oidcConfigFromEnv({ OIDC_JWKS_URL: 'http://127.0.0.1/certs' })).toThrow(
      SettingsError,
    );
    expect(oidcConfigFromEnv({})).toBeUndefined();
  });
});
