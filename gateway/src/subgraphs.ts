/**
 * The subgraphs composed into the supergraph. `url` is the local default; a deployment sets
 * SUBGRAPH_URL_<NAME> (e.g. SUBGRAPH_URL_ORGANIZATIONS) and the gateway uses that instead.
 */
export interface SubgraphDefinition {
  name: string;
  url: string;
  /** Folder whose *.graphql files are the subgraph's SDL (relative to the repository root). */
  schemaDir: string;
}

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  {
    name: 'organizations',
    url: 'http://127.0.0.1:4001/graphql',
    schemaDir: 'services/organizations/src',
  },
  { name: 'members', url: 'http://127.0.0.1:4002/graphql', schemaDir: 'services/members/src' },
  {
    name: 'volunteering',
    url: 'http://127.0.0.1:4003/graphql',
    schemaDir: 'services/volunteering/src',
  },
  { name: 'stations', url: 'http://127.0.0.1:4004/graphql', schemaDir: 'services/stations/src' },
  { name: 'rural', url: 'http://127.0.0.1:4005/graphql', schemaDir: 'services/rural/src' },
  { name: 'credit', url: 'http://127.0.0.1:4006/graphql', schemaDir: 'services/credit/src' },
];

export function subgraphUrl(
  name: string,
  fallback: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return env[`SUBGRAPH_URL_${name.toUpperCase()}`] ?? fallback;
}
