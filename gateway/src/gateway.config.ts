import { resolve } from 'node:path';
import { claimsSecretFromEnv, jwtSecretFromEnv } from '@jiceng/auth';
import { DEFAULT_PORTS } from '@jiceng/graphql';

export interface GatewayConfig {
  host: string;
  port: number;
  production: boolean;
  jwtSecret: string;
  claimsSecret: string;
  supergraphPath: string;
  /**
   * How long identical concurrent subgraph queries wait for the first of them before they send
   * one of their own (signed-claims.data-source.ts, inflight.ts); 0 sends every one.
   */
  subgraphMergeWaitMs: number;
}

/** Every setting of the gateway, with its default; production refuses the development secrets. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? DEFAULT_PORTS.gateway),
    production: env.NODE_ENV === 'production',
    jwtSecret: jwtSecretFromEnv(env),
    claimsSecret: claimsSecretFromEnv(env),
    supergraphPath: env.SUPERGRAPH_PATH ?? resolve(__dirname, '..', 'supergraph.graphql'),
    subgraphMergeWaitMs: Number(env.SUBGRAPH_MERGE_WAIT_MS ?? 2000),
  };
}
