import { DEFAULT_PORTS, type SubgraphName } from '@jiceng/graphql';
import { parseInstanceUrls } from './subgraph-instances';

/**
 * The subgraphs composed into the supergraph. `url` is the local default (DEFAULT_PORTS); a
 * deployment sets SUBGRAPH_URL_<NAME> (e.g. SUBGRAPH_URL_ORGANIZATIONS) and the gateway uses that:
 * one URL, or the URLs of several instances separated by commas, taken round robin
 * (subgraph-instances.ts).
 */
export interface SubgraphDefinition {
  name: SubgraphName;
  url: string;
  /** Folder whose *.graphql files are the subgraph's SDL (relative to the repository root). */
  schemaDir: string;
}

const NAMES: readonly SubgraphName[] = [
  'organizations',
  'members',
  'volunteering',
  'stations',
  'rural',
  'credit',
];

export const SUBGRAPHS: readonly SubgraphDefinition[] = NAMES.map((name) => ({
  name,
  url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
  schemaDir: `services/${name}/src`,
}));

/** The instance URLs of a subgraph: SUBGRAPH_URL_<NAME> when set (validated), else `fallback`. */
export function subgraphUrls(
  name: string,
  fallback: string,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const variable = `SUBGRAPH_URL_${name.toUpperCase()}`;
  return parseInstanceUrls(variable, env[variable] ?? fallback);
}
