// Bundles the explorer (gateway/explorer/app) into dist/gateway/explorer/: GraphiQL 5, React,
// Monaco and its three workers, CSS and fonts, all served by the gateway itself so that the page
// works without internet (政务外网). Run by `npm run build`, after swc.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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
// Gzipped copies beside the scripts and styles, sent to browsers that accept them
// (explorer-routes.ts): Monaco makes the page some 7 MB, under a third of that gzipped, which
// matters on a slow government line. Made once here rather than compressed per request.
let bytes = 0;
let gzipped = 0;
for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const content = readFileSync(path);
  const compressed = gzipSync(content, { level: 9 });
  writeFileSync(`${path}.gz`, compressed);
  bytes += content.length;
  gzipped += compressed.length;
}
const mb = (n) => (n / 1024 / 1024).toFixed(1);
console.log(
  `explorer bundled into ${outdir} in ${Date.now() - started} ms: ${mb(bytes)} MB, ${mb(gzipped)} MB gzipped`,
);
