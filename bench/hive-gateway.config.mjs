// Hive Gateway's configuration for bench/gateway-vs-hive.mjs only (Hive is never a dependency of
// the project): it verifies the bearer JWT and signs the claims header exactly as our gateway does,
// with the same libs/auth code from dist/, so the subgraphs accept its requests. Everything else
// is Hive's default, in-flight deduplication of subgraph queries included, unless
// HIVE_DEDUPLICATION=off. The header goes through `transportEntries` (not a fetch hook) so that it
// is part of Hive's deduplication key, as a caller's authorization would be.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const auth = require(
  join(dirname(fileURLToPath(import.meta.url)), '../dist/libs/auth/src/index.js'),
);
const jwtKey = auth.hmacKey(auth.jwtSecretFromEnv());
const claimsKey = auth.hmacKey(auth.claimsSecretFromEnv());

const signedClaimsPlugin = {
  onContextBuilding({ context, extendContext }) {
    const claims = auth.verifyBearer(
      context.request.headers.get('authorization') ?? undefined,
      jwtKey,
    );
    extendContext({ claimsHeader: auth.signClaims(claims, claimsKey) });
  },
};

export const gatewayConfig = {
  supergraph: process.env.HIVE_SUPERGRAPH,
  transportEntries: {
    '*': {
      headers: [[auth.CLAIMS_HEADER, '{context.claimsHeader}']],
      ...(process.env.HIVE_DEDUPLICATION === 'off' && {
        options: { deduplicateInflightRequests: false },
      }),
    },
  },
  plugins: () => [signedClaimsPlugin],
};
