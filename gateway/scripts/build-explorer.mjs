// Bundles the explorer (gateway/explorer/app) into dist/gateway/explorer/: GraphiQL 5, React,
// Monaco and its three workers, CSS and fonts, all served by the gateway itself so that the page
// works without internet (政务外网). Run by `npm run build`, after swc.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = join(root, 'dist', 'gateway', 'explorer');
const started = Date.now();

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { explorer: join(root, 'gateway', 'explorer', 'app', 'main.tsx') },
    outdir,
    format: 'esm',
    jsx: 'automatic',
    // Monaco's codicon font and any image: files beside the bundle, loaded from 'self'.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: 'assets/[name]-[hash]',
  }),
  // Classic (not module) worker scripts: what `new Worker(url)` in monaco-workers.ts loads.
  build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir: join(outdir, 'workers'),
    format: 'iife',
    absWorkingDir: root,
  }),
]);

writeFileSync(
  join(outdir, 'index.html'),
  `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL 探索器 · 基层党建</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explorer/explorer.css">
<script type="module" src="/explorer/explorer.js"></script>
</head>
<body><div id="explorer"></div></body>
</html>
`,
);
console.log(`explorer bundled into ${outdir} in ${Date.now() - started} ms`);
