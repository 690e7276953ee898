// The explorer at /explorer: the GraphiQL bundle of gateway/scripts/build-explorer.mjs, served
// from the gateway's own origin under a strict Content-Security-Policy, its settings, and
// outside production without an identity provider, development tokens.
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import { ROLES, mintToken, type Role } from '@jiceng/auth';
import { jsonBody } from '@jiceng/graphql';

/** Where `npm run build` writes the bundle: dist/gateway/explorer, beside dist/gateway/src. */
export const EXPLORER_BUNDLE_DIR = resolve(__dirname, '..', 'explorer');

// What GraphiQL 5 needs and no more: its scripts, workers, styles and the codicon font come from
// 'self'. style-src 'unsafe-inline' because Monaco and GraphiQL set style attributes and inject
// <style> elements at run time (no nonce can reach them); it allows no script. worker-src blob:
// because Monaco falls back to a blob: worker when a worker URL fails to load. img-src and
// font-src data: for the inlined icons and font in GraphiQL's CSS. connect-src 'self': the
// page talks to /graphql, /export.csv and /explorer/* only.
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface ExplorerOptions {
  /** HS256 secret to mint development tokens with; undefined when they are not offered. */
  devTokenSecret: string | undefined;
  bundleDir?: string;
}

const strictHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', EXPLORER_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  next();
};

const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

function devTokenHandler(secret: string): RequestHandler {
  return (req, res) => {
    const body = (req.body ?? {}) as { role?: unknown; organizationId?: unknown };
    const role = body.role as Role;
    const orgId = typeof body.organizationId === 'string' ? body.organizationId : undefined;
    if (!ROLES.includes(role)) {
      res.status(400).json({
        errors: [
          {
            message: `role must be one of ${ROLES.join(', ')}`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    try {
      const token = mintToken(
        { sub: `explorer-${role.toLowerCase()}`, role, orgId, ttlSeconds: DEV_TOKEN_TTL_SECONDS },
        secret,
      );
      res.json({ token });
    } catch (error) {
      // The claims' own checks (an organization id for a scoped role): the message says which.
      const message = (error as Error).message;
      res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    }
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Sends the build's gzipped copy of a script or style to a browser that accepts gzip. */
function precompressed(bundleDir: string): RequestHandler {
  return (req, res, next) => {
    const type = CONTENT_TYPES[extname(req.path)];
    if (!type || !req.acceptsEncodings('gzip') || req.path.includes('..')) return next();
    const file = join(bundleDir, `${req.path}.gz`);
    if (!existsSync(file)) return next();
    res.setHeader('content-type', type);
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('vary', 'accept-encoding');
    res.sendFile(file);
  };
}

/** Mounts /explorer on the app; the caller decides whether the explorer is on at all. */
export function mountExplorer(app: Express, options: ExplorerOptions): void {
  const bundleDir = options.bundleDir ?? EXPLORER_BUNDLE_DIR;
  const devTokens = options.devTokenSecret !== undefined;
  app.use('/explorer', strictHeaders);
  app.get('/explorer/settings.json', (_req, res) => {
    res.json({ devTokens, roles: devTokens ? ROLES : [] });
  });
  // Not registered at all without a secret: the route then answers the gateway's plain 404.
  if (options.devTokenSecret !== undefined)
    app.post(
      '/explorer/dev-token',
      ...jsonBody(16 * 1024),
      devTokenHandler(options.devTokenSecret),
    );
  app.get(['/explorer', '/explorer/'], (_req, res) => {
    res.sendFile(join(bundleDir, 'index.html'));
  });
  app.use('/explorer', precompressed(bundleDir));
  app.use('/explorer', express.static(bundleDir, { index: false, redirect: false }));
}
