/**
 * Each app's port when the whole platform runs on one machine (`npm start`, the gateway's default
 * subgraph URLs); a deployment sets PORT and SUBGRAPH_URL_<NAME> instead. The one place these
 * numbers are written in TypeScript (docker-compose.yml spells them for its containers).
 */
export const DEFAULT_PORTS = {
  gateway: 4000,
  organizations: 4001,
  members: 4002,
  volunteering: 4003,
  stations: 4004,
  rural: 4005,
  credit: 4006,
} as const;

export type SubgraphName = Exclude<keyof typeof DEFAULT_PORTS, 'gateway'>;
