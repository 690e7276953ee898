import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';
import type { Role } from '@jiceng/auth';
import type { SubgraphName } from '@jiceng/graphql';
import { createKafka } from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { startApp, type AppProcess } from './app-process';
import { gql, tokenFor, type GraphQLResult } from './graphql-client';
import { deleteGroupsWhenIdle, startGroupsAtTopicEnds, type TopicOffsets } from './kafka-groups';
import { probeTopic, type TopicProbe } from './kafka-probe';
import { createOrgTree, waitForOrgProjection, type OrgSpec } from './org-tree';
import { groupEnv, groupTopics, hasOrgProjection } from './stack-groups';

// Nothing listens here: a subgraph the suite did not start answers as one that is down, never
// as whatever a developer's `npm start` runs on the default ports.
const UNUSED = 'http://127.0.0.1:9/graphql';

export interface SubgraphStackOptions {
  /** A few letters naming the suite in its databases and groups: `jiceng_<service>_e2e_<tag><run>`. */
  tag: string;
  services: readonly SubgraphName[];
  /**
   * Instances per service (default 1): side by side on one database and consumer groups, as
   * replicas of a Deployment, each a URL in the gateway's list.
   */
  instances?: Partial<Record<SubgraphName, number>>;
  /** Starts the gateway in front of the services (default true). */
  gateway?: boolean;
  /** Settings per app, over the ones the stack gives it (database, consumer groups). */
  env?: Partial<Record<SubgraphName | 'gateway', Record<string, string>>>;
  /** Organizations created through the gateway once the apps run; every projection waits for them. */
  tree?: readonly OrgSpec[];
  /** Topics read from the beginning for the whole suite (`stack.probe(topic)`). */
  probes?: readonly string[];
  /** For the start: apps, tree and projections (default 5 min). */
  timeoutMs?: number;
}

export interface RoleClient {
  token: string;
  q<T = any>(query: string, variables?: object): Promise<GraphQLResult<T>>;
}

/**
 * One suite's platform: its services as processes with databases and consumer groups of this run
 * (the groups start at the topics' ends, so earlier runs' events are not replayed), the gateway,
 * the organization tree, and the teardown that stops the apps, drops the databases and deletes
 * the groups. The fields are there once `start()` has resolved.
 */
export class SubgraphStack {
  readonly run = randomBytes(4).toString('hex');
  readonly kafka: Kafka;
  readonly adminToken = tokenFor('ADMIN');
  /** The tree's organization ids by spec key (filled in place: `const org = stack.org` holds). */
  readonly org: Record<string, string> = {};
  /** Where each group started (for a replay that starts where the service did). */
  startOffsets: TopicOffsets = {};
  private readonly apps = new Map<SubgraphName | 'gateway', AppProcess>();
  /** A service's instances after the first (`app(service)`). */
  private readonly replicas = new Map<SubgraphName, AppProcess[]>();
  private readonly dbs = new Map<SubgraphName, Connection>();
  private readonly probes = new Map<string, TopicProbe>();

  constructor(readonly options: SubgraphStackOptions) {
    this.kafka = createKafka(`jiceng-e2e-${options.tag}${this.run}`);
  }

  dbName = (service: SubgraphName) => `jiceng_${service}_e2e_${this.options.tag}${this.run}`;
  groupPrefix = (service: SubgraphName) => `jiceng-${service}-e2e-${this.options.tag}${this.run}`;

  app(name: SubgraphName | 'gateway'): AppProcess {
    const app = this.apps.get(name);
    if (!app) throw new Error(`${name} is not running in this stack`);
    return app;
  }

  /** Every instance of a service, the first being `app(service)`. */
  instancesOf(service: SubgraphName): AppProcess[] {
    return [this.app(service), ...(this.replicas.get(service) ?? [])];
  }

  get gateway(): AppProcess {
    return this.app('gateway');
  }

  db(service: SubgraphName): Connection {
    const db = this.dbs.get(service);
    if (!db) throw new Error(`${service} has no database in this stack`);
    return db;
  }

  probe(topic: string): TopicProbe {
    const probe = this.probes.get(topic);
    if (!probe) throw new Error(`${topic} is not among the stack's probes`);
    return probe;
  }

  /** One GraphQL operation through the gateway. */
  q = <T = any>(token: string | null, query: string, variables?: object) =>
    gql<T>(this.gateway.baseUrl, token, query, variables);

  /** A role's token, scoped to a tree key (or an id) and a member, and requests with it. */
  client(role: Role, org?: string, memberId?: string): RoleClient {
    const token = tokenFor(role, org === undefined ? undefined : (this.org[org] ?? org), memberId);
    return { token, q: (query, variables) => this.q(token, query, variables) };
  }

  private envOf(service: SubgraphName): Record<string, string> {
    return {
      MONGO_DB: this.dbName(service),
      ...groupEnv(service, this.groupPrefix(service)),
      ...this.options.env?.[service],
    };
  }

  /** Stops a service (SIGTERM, or SIGKILL as a crash) and starts it again where the gateway knows it. */
  async restart(service: SubgraphName, how: 'stop' | 'kill' = 'stop'): Promise<AppProcess> {
    const old = this.app(service);
    await old[how]();
    const app = await startApp(`services/${service}`, {
      ...this.envOf(service),
      PORT: new URL(old.baseUrl).port,
    });
    this.apps.set(service, app);
    return app;
  }

  private groups() {
    return this.options.services.flatMap((s) => groupTopics(s, this.groupPrefix(s)));
  }

  async start(): Promise<this> {
    const { services, env = {}, tree = [], probes = [] } = this.options;
    this.startOffsets = await startGroupsAtTopicEnds(this.kafka, this.groups());
    for (const topic of probes) this.probes.set(topic, await probeTopic(this.kafka, topic));
    await Promise.all(
      services.map(async (service) => {
        this.dbs.set(
          service,
          await mongoose
            .createConnection(mongoUrlFromEnv(), { dbName: this.dbName(service) })
            .asPromise(),
        );
        const count = this.options.instances?.[service] ?? 1;
        const [first, ...others] = await Promise.all(
          Array.from({ length: count }, () => startApp(`services/${service}`, this.envOf(service))),
        );
        this.apps.set(service, first);
        this.replicas.set(service, others);
      }),
    );
    if (this.options.gateway === false) return this;
    const urls = Object.fromEntries(
      (['organizations', 'members', 'volunteering', 'stations', 'rural', 'credit'] as const).map(
        (s) => [
          `SUBGRAPH_URL_${s.toUpperCase()}`,
          this.apps.has(s)
            ? this.instancesOf(s)
                .map((app) => app.url)
                .join(',')
            : UNUSED,
        ],
      ),
    );
    this.apps.set('gateway', await startApp('gateway', { ...urls, ...env.gateway }));
    if (!tree.length) return this;
    Object.assign(this.org, await this.createTree(tree));
    return this;
  }

  /**
   * Creates organizations through the gateway and waits until every started service's projection
   * holds them: a test's own subtree, so that what it counts or moves is its own. A `parent` not
   * among `specs` names a key of the stack's tree.
   */
  async createTree(specs: readonly OrgSpec[]): Promise<Record<string, string>> {
    const ids = await createOrgTree(this.gateway.baseUrl, this.adminToken, specs, this.org);
    await Promise.all(
      this.options.services
        .filter(hasOrgProjection)
        .map((s) => waitForOrgProjection(this.db(s), Object.values(ids))),
    );
    return ids;
  }

  /** Stops what started, even after a failed start. */
  async stop(): Promise<void> {
    await Promise.all([
      ...[...this.apps.values(), ...[...this.replicas.values()].flat()].map((app) => app.stop()),
      ...[...this.probes.values()].map((probe) => probe.stop()),
    ]);
    for (const db of this.dbs.values()) {
      await db.dropDatabase();
      await db.close();
    }
    await deleteGroupsWhenIdle(
      this.kafka,
      this.groups().map((g) => g.groupId),
    );
  }
}

/**
 * A suite's stack, one per file: started in `beforeAll`, torn down in `afterAll`.
 *
 * ```ts
 * const stack = withSubgraphStack({ tag: 'm', services: ['organizations', 'members'], tree: YUNHE_SAMPLE });
 * it('…', async () => { const admin = stack.client('ORG_ADMIN', 'streetA'); … });
 * ```
 */
export function withSubgraphStack(options: SubgraphStackOptions): SubgraphStack {
  const stack = new SubgraphStack(options);
  beforeAll(() => stack.start(), options.timeoutMs ?? 300_000);
  afterAll(() => stack.stop(), 120_000);
  return stack;
}

/** A stack started at once, for a caller that runs its own setup around it; stopped on failure. */
export async function startSubgraphStack(options: SubgraphStackOptions): Promise<SubgraphStack> {
  const stack = new SubgraphStack(options);
  try {
    return await stack.start();
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
