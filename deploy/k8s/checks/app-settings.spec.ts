import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { readSettings, type Settings } from '@jiceng/config';
import { DEFAULT_PORTS, type SubgraphName } from '@jiceng/graphql';
import { subgraphSettings } from '@jiceng/subgraph';
// The apps are not libraries: their settings are read from their sources, as they read them.
/* eslint-disable @nx/enforce-module-boundaries */
import { gatewayConfigFromEnv } from '../../../gateway/src/gateway.config';
import { CREDIT_SETTINGS } from '../../../services/credit/src/credit.env';
import { MEMBERS_SETTINGS } from '../../../services/members/src/members.env';
import { ORGANIZATIONS_SETTINGS } from '../../../services/organizations/src/organizations.env';
import { RURAL_SETTINGS } from '../../../services/rural/src/rural.env';
import { STATIONS_SETTINGS } from '../../../services/stations/src/stations.env';
import { VOLUNTEERING_SETTINGS } from '../../../services/volunteering/src/volunteering.env';
/* eslint-enable @nx/enforce-module-boundaries */

// Each app, as every overlay deploys it, starts in production: its environment (ConfigMaps,
// literal values, and the Secrets' keys, here given valid stand-in values) passes the settings
// the app checks at start (libs/subgraph bootstrapSubgraph, gateway.config.ts), and names the
// cluster's Kafka, Mongo and subgraphs rather than the local defaults.

const OWN_SETTINGS: Record<SubgraphName, Settings> = {
  organizations: ORGANIZATIONS_SETTINGS,
  members: MEMBERS_SETTINGS,
  volunteering: VOLUNTEERING_SETTINGS,
  stations: STATIONS_SETTINGS,
  rural: RURAL_SETTINGS,
  credit: CREDIT_SETTINGS,
};
const SUBGRAPHS = Object.keys(OWN_SETTINGS) as SubgraphName[];

const K8S = join(__dirname, '..');
const TARGETS = ['base', ...readdirSync(join(K8S, 'overlays')).map((o) => `overlays/${o}`)];

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    ports?: { port: number }[];
    template?: {
      spec: {
        containers: {
          envFrom?: { configMapRef?: { name: string } }[];
          env?: EnvVar[];
        }[];
      };
    };
  };
}

/** What an operator puts into each Secret key (deploy/k8s/README.md), in a valid shape. */
function standIn(key: string): string {
  if (key === 'PII_KEYS') return `k1:${randomBytes(32).toString('base64')}`;
  if (key === 'PII_ACTIVE_KEY_ID') return 'k1';
  if (key === 'PII_HASH_KEY') return randomBytes(32).toString('base64');
  if (key === 'MONGO_URL') return 'mongodb://jiceng:pw@mongo-0.mongo:27017/?replicaSet=rs0';
  return randomBytes(24).toString('hex');
}

function render(target: string): K8sObject[] {
  const yaml = execFileSync('kubectl', ['kustomize', join(K8S, target)], { encoding: 'utf8' });
  return parseAllDocuments(yaml)
    .map((doc) => doc.toJSON() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

/** The environment the app's container gets. */
function environment(objects: K8sObject[], app: string): NodeJS.ProcessEnv {
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === app);
  if (!deployment) throw new Error(`no Deployment ${app}`);
  const [container] = deployment.spec!.template!.spec.containers;
  const env: NodeJS.ProcessEnv = {};
  for (const ref of container.envFrom ?? []) {
    const name = ref.configMapRef?.name;
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!configMap) throw new Error(`${app}: no ConfigMap ${name}`);
    Object.assign(env, configMap.data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    env[variable.name] = secret ? standIn(secret.key) : variable.value;
  }
  return env;
}

describe.each(TARGETS)('deploy/k8s/%s', (target) => {
  const objects = render(target);

  it.each(SUBGRAPHS)('starts %s with its settings, Kafka and Mongo', (name) => {
    const env = environment(objects, name);
    expect(env.NODE_ENV).toBe('production');
    expect(() =>
      readSettings({ ...OWN_SETTINGS[name], ...subgraphSettings(name) }, env),
    ).not.toThrow();
    expect(env.KAFKA_BROKERS).toBe('jiceng-kafka-bootstrap:9092');
    expect(env.KAFKA_REPLICATION_FACTOR).toBe('3');
    expect(env.MONGO_URL).toMatch(/replicaSet=rs0/);
    expect(env.PORT).toBe(String(DEFAULT_PORTS[name]));
  });

  it('starts the gateway, sending each subgraph to its Service', () => {
    const env = environment(objects, 'gateway');
    expect(env.NODE_ENV).toBe('production');
    expect(() => gatewayConfigFromEnv(env)).not.toThrow();
    for (const name of SUBGRAPHS) {
      const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === name);
      const port = service?.spec?.ports?.[0].port;
      expect(env[`SUBGRAPH_URL_${name.toUpperCase()}`]).toBe(`http://${name}:${port}/graphql`);
    }
  });
});
