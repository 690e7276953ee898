import { randomBytes } from 'node:crypto';
import { createKafka } from '@jiceng/kafka';
import {
  type AppProcess,
  createOrgTree,
  dataOf,
  deleteGroupsWhenIdle,
  dropDatabases,
  eventually,
  gql,
  startApp,
  startGroupsAtTopicEnds,
  tokenFor,
  YUNHE_SAMPLE,
} from '@jiceng/testing';
import { Topics } from '@jiceng/events';
import type { Role } from '@jiceng/auth';
import { SUBGRAPHS } from '../../src/subgraphs';
import type { AdminApi, Variables, World } from './probe';

// The whole platform as a client meets it: six subgraphs, each its own process with databases
// and consumer groups of this run, behind the gateway, over the real broker and Mongo-wire server.

const SERVICES = SUBGRAPHS.map((s) => s.name);

export interface Stack {
  world: World;
  api: AdminApi;
  stop(): Promise<void>;
}

// ID numbers with valid GB 11643 check characters; each run has databases of its own.
const ID_NUMBERS = ['130903198506150115', '13090319900312012X', '130903197809200234'];

// What one service learns from another by events arrives within seconds; two minutes on a busy machine.
const settle = <T>(attempt: () => Promise<T>) => eventually(attempt, 120_000, 500);

export async function startStack(): Promise<Stack> {
  const run = randomBytes(4).toString('hex');
  const db = (service: string) => `jiceng_${service}_e2e_acl${run}`;
  const group = (service: string) => `jiceng-${service}-e2e-acl${run}`;
  const creditPrefix = `jiceng-credit-e2e-acl${run}`;
  const groupTopics = [
    ...['members', 'volunteering', 'stations', 'rural'].map((s) => ({
      groupId: `${group(s)}-orgs`,
      topic: Topics.organizationsLifecycle,
    })),
    { groupId: `${group('volunteering')}-members`, topic: Topics.membersLifecycle },
    { groupId: `${group('members')}-counters`, topic: Topics.membersLifecycle },
    { groupId: `${creditPrefix}-org-tree`, topic: Topics.organizationsLifecycle },
    { groupId: `${creditPrefix}-station-visits`, topic: Topics.stationsVisits },
    { groupId: `${creditPrefix}-members`, topic: Topics.membersLifecycle },
    { groupId: `${creditPrefix}-projects`, topic: Topics.organizationsProjects },
    { groupId: `${creditPrefix}-ledger`, topic: Topics.volunteeringCheckins },
  ];
  const kafka = createKafka(`jiceng-access-e2e-${run}`);
  // New groups start at the topics' ends: earlier runs' events are not this run's business.
  await startGroupsAtTopicEnds(kafka, groupTopics);

  const apps: AppProcess[] = [];
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await dropDatabases(...SERVICES.map(db));
    await deleteGroupsWhenIdle(
      kafka,
      groupTopics.map((g) => g.groupId),
    );
  };
  try {
    const start = async (service: string, env: Record<string, string>) => {
      const app = await startApp(`services/${service}`, { MONGO_DB: db(service), ...env });
      apps.push(app);
      return app;
    };
    const orgs = (s: string) => ({ ORG_PROJECTION_GROUP: `${group(s)}-orgs` });
    const [organizations, members, volunteering, stations, rural, credit] = await Promise.all([
      start('organizations', {}),
      start('members', {
        ...orgs('members'),
        MEMBERS_COUNTERS_GROUP: `${group('members')}-counters`,
      }),
      start('volunteering', {
        ...orgs('volunteering'),
        MEMBER_PROJECTION_GROUP: `${group('volunteering')}-members`,
        QR_SECRET: `e2e-qr-${run}`,
      }),
      start('stations', orgs('stations')),
      start('rural', orgs('rural')),
      start('credit', { CREDIT_GROUP_PREFIX: creditPrefix }),
    ]);
    const gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: organizations.url,
      SUBGRAPH_URL_MEMBERS: members.url,
      SUBGRAPH_URL_VOLUNTEERING: volunteering.url,
      SUBGRAPH_URL_STATIONS: stations.url,
      SUBGRAPH_URL_RURAL: rural.url,
      SUBGRAPH_URL_CREDIT: credit.url,
    });
    apps.push(gateway);

    const adminToken = tokenFor('ADMIN');
    const as = (token: string, document: string, variables?: Variables) =>
      gql(gateway.baseUrl, token, document, variables);
    const admin = async (document: string, variables?: Variables) =>
      dataOf(await as(adminToken, document, variables));

    const org = await createOrgTree(gateway.baseUrl, adminToken, YUNHE_SAMPLE);
    const register = async (organizationId: string, name: string, n: number) =>
      (
        await admin(
          `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`,
          {
            input: {
              organizationId,
              name,
              idNumber: ID_NUMBERS[n],
              phone: `1381234000${n}`,
              status: 'FULL',
              statusSince: '2010-07-01T00:00:00+08:00',
            },
          },
        )
      ).registerMember.id as string;
    // Registering needs the branch in the members service's projection.
    const self = await settle(() => register(org.gridA, '李明', 0));
    const peer = await register(org.gridA, '王芳', 1);
    const stranger = await settle(() => register(org.gridB, '赵强', 2));
    const world: World = { run, org, self, peer, stranger, ids: {} };
    const tokens: Record<Role, string> = {
      ADMIN: adminToken,
      AUDITOR: tokenFor('AUDITOR'),
      ORG_ADMIN: tokenFor('ORG_ADMIN', org.streetA),
      ANALYST: tokenFor('ANALYST', org.streetA),
      STATION_OPERATOR: tokenFor('STATION_OPERATOR', org.streetA),
      MEMBER: tokenFor('MEMBER', org.gridA, self),
    };
    return { world, api: { admin, as, token: (role) => tokens[role], eventually: settle }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
