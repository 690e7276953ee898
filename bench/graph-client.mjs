// What every benchmark script shares: tokens from the built mint-token script, one GraphQL request
// through the gateway, percentiles.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A signed token for `role` (scoped to `orgId`); needs `npm run build`. */
export function mintToken(role, orgId) {
  const args = ['dist/gateway/scripts/mint-token.js', '--role', role];
  args.push('--sub', `bench-${role.toLowerCase()}`);
  if (orgId) args.push('--org', orgId);
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

/** One operation; an error in the response fails the benchmark. */
export async function postGraphQL(gateway, bearer, query, variables) {
  const res = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text);
  if (body.errors)
    throw new Error(`${body.errors[0].message} (${body.errors[0].extensions?.code})`);
  return { data: body.data, bytes: text.length };
}

export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
