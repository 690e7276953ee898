import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import { GraphQLError } from 'graphql';
import { AuthError, createBearerVerifier, hmacKey, signClaims } from '@jiceng/auth';
import { GATEWAY_BODY_LIMIT_BYTES, jsonBody, jsonErrorHandler, maskError } from '@jiceng/graphql';
import { csvExportHandler } from './csv-export';
import { mountExplorer } from './explorer-routes';
import type { GatewayConfig } from './gateway.config';
import { GatewayMetrics } from './gateway-metrics';
import { costLimitPlugin } from './operation-cost';
import {
  OPERATION_LIMITS,
  armorProtection,
  fieldLimitRule,
  finiteNumbersPlugin,
  limitedParseOptions,
  operationResolutionPlugin,
  pageSizeLimitPlugin,
  validationAbortedPlugin,
} from './operation-limits';
import { loadSafelist, persistedQueryStore, safelistPlugin } from './persisted-operations';
import { SignedClaimsDataSource, type GatewayContext } from './signed-claims.data-source';
import { subgraphUrls } from './subgraphs';

export interface RunningGateway {
  app: Express;
  server: ApolloServer<GatewayContext>;
  stop(): Promise<void>;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * The gateway as an Express app: `/graphql` behind JWT verification, `/health` for probes,
 * `/metrics` for Prometheus (gateway-metrics.ts), `/explorer` for people (explorer-routes.ts).
 */
export async function createGateway(config: GatewayConfig): Promise<RunningGateway> {
  // Key objects made once: from a string, every verify and HMAC would rebuild one (hmac-key.ts).
  // HS256 with JWT_SECRET, or the identity provider's JWKS when OIDC_JWKS_URL is set (identity.ts).
  const verifyBearer = createBearerVerifier(config.oidc, config.jwtSecret);
  const claimsKey = hmacKey(config.claimsSecret);
  const metrics = new GatewayMetrics();
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new SignedClaimsDataSource(
        name,
        subgraphUrls(name, url ?? ''),
        config.subgraphMergeWaitMs,
        metrics,
      ),
  });
  const armor = armorProtection(config.production);
  const safelist = config.safelist && loadSafelist(config.safelist.path, config.safelist.clients);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    allowBatchedHttpRequests: false,
    persistedQueries: { cache: persistedQueryStore(config.apqCacheBytes, safelist) },
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, error),
    validationRules: [fieldLimitRule(), ...armor.validationRules],
    parseOptions: limitedParseOptions,
    plugins: [
      metrics.plugin(),
      ...(safelist ? [safelistPlugin(safelist)] : []),
      ...armor.plugins,
      operationResolutionPlugin(),
      validationAbortedPlugin(),
      pageSizeLimitPlugin(),
      finiteNumbersPlugin(),
      costLimitPlugin(OPERATION_LIMITS.maxCost),
      // Apollo's landing page loads its scripts and fonts from CDNs, out of reach without
      // internet: the gateway's own explorer (/explorer) replaces it.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // For the Prometheus scraper, without a token: serve it on an internal network only, never
  // through the public ingress (the operation names tell what clients run).
  app.get('/metrics', metrics.handler());
  const contextOf = async (req: Request): Promise<GatewayContext> => {
    let claims;
    try {
      claims = await verifyBearer(req.headers.authorization);
    } catch (error) {
      throw unauthenticated(error instanceof AuthError ? error.message : 'Invalid token');
    }
    // Signed once here, sent with every subgraph fetch of the request.
    return { claims, claimsHeader: signClaims(claims, claimsKey) };
  };
  if (config.explorer) {
    mountExplorer(app, {
      // Development tokens only where the gateway itself trusts HS256 tokens of its own secret
      // and nobody could mistake them for real ones: outside production, no identity provider.
      devTokenSecret: !config.production && !config.oidc ? config.jwtSecret : undefined,
    });
    // A browser opening /graphql (outside production) lands in the explorer, as it landed on
    // Apollo's page before; in production, and for any client that is not a browser asking for
    // a page, /graphql answers as it always did.
    if (!config.production) {
      app.get('/graphql', (req, res, next) => {
        const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html';
        if (wantsPage && req.query.query === undefined) res.redirect(302, '/explorer');
        else next();
      });
    }
  }
  app.use(
    '/graphql',
    ...jsonBody(GATEWAY_BODY_LIMIT_BYTES),
    expressMiddleware(server, { context: ({ req }) => contextOf(req) }),
  );
  app.post(
    '/export.csv',
    ...jsonBody(GATEWAY_BODY_LIMIT_BYTES),
    csvExportHandler(server, contextOf, { maxRows: config.exportMaxRows }),
  );
  // Express's defaults answer an unknown route or an error with an HTML page (a stack trace
  // included): every answer of the gateway is JSON instead.
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(jsonErrorHandler(GATEWAY_BODY_LIMIT_BYTES));
  return { app, server, stop: () => server.stop() };
}
