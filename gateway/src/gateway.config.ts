import { resolve } from 'node:path';
import {
  claimsSecretFromEnv,
  jwtSecretFromEnv,
  oidcConfigFromEnv,
  type OidcConfig,
} from '@jiceng/auth';
import { DEFAULT_PORTS } from '@jiceng/graphql';

export interface GatewayConfig {
  host: string;
  port: number;
  production: boolean;
  /** HS256 key of the tokens; unused (empty) when `oidc` is set. */
  jwtSecret: string;
  /**
   * The identity provider (OIDC_JWKS_URL, OIDC_ISSUER, OIDC_AUDIENCE, OIDC_CLAIM_*, OIDC_ROLE_MAP;
   * libs/auth/src/identity.ts). When set, only its RS256/ES256 tokens pass and HS256 is refused.
   * When unset, HS256 stays, and production then needs its own JWT_SECRET (the development one is
   * refused): a deployment that mints its own tokens may still run without a provider.
   */
  oidc: OidcConfig | undefined;
  claimsSecret: string;
  supergraphPath: string;
  /**
   * How long identical concurrent subgraph queries wait for the first of them before they send
   * one of their own (signed-claims.data-source.ts, inflight.ts); 0 sends every one.
   */
  subgraphMergeWaitMs: number;
  /** Most bytes of query text the APQ store keeps of registrations (persisted-operations.ts). */
  apqCacheBytes: number;
  /**
   * The safelist manifest (SAFELIST_PATH) and the client names held to it (SAFELIST_CLIENTS,
   * comma-separated); unset, every client may send any operation under the operation limits.
   */
  safelist: { path: string; clients: string[] } | undefined;
  /** Most rows one `/export.csv` may write (csv-export.ts). */
  exportMaxRows: number;
  /**
   * Whether GET /explorer serves the bundled GraphiQL (explorer-routes.ts): on outside
   * production, and in production only with EXPLORER=1 (its introspection is off there anyway).
   */
  explorer: boolean;
}

/** Every setting of the gateway, with its default; production refuses the development secrets. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const oidc = oidcConfigFromEnv(env);
  const production = env.NODE_ENV === 'production';
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? DEFAULT_PORTS.gateway),
    production,
    jwtSecret: oidc ? '' : jwtSecretFromEnv(env),
    oidc,
    claimsSecret: claimsSecretFromEnv(env),
    supergraphPath: env.SUPERGRAPH_PATH ?? resolve(__dirname, '..', 'supergraph.graphql'),
    subgraphMergeWaitMs: Number(env.SUBGRAPH_MERGE_WAIT_MS ?? 2000),
    apqCacheBytes: Number(env.APQ_CACHE_BYTES ?? 8 * 1024 * 1024),
    exportMaxRows: Number(env.EXPORT_MAX_ROWS ?? 100_000),
    explorer: !production || env.EXPLORER === '1',
    safelist: env.SAFELIST_PATH
      ? {
          path: env.SAFELIST_PATH,
          clients: (env.SAFELIST_CLIENTS ?? '')
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        }
      : undefined,
  };
}
