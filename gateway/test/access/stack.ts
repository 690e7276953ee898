import { randomBytes } from 'node:crypto';
import { dataOf, eventually, startSubgraphStack, tokenFor, YUNHE_SAMPLE } from '@jiceng/testing';
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
  const stack = await startSubgraphStack({
    tag: 'acl',
    services: SERVICES,
    env: { volunteering: { QR_SECRET: `e2e-qr-${randomBytes(4).toString('hex')}` } },
    tree: YUNHE_SAMPLE,
  });
  const { run } = stack;
  const stop = () => stack.stop();
  try {
    const { adminToken, org } = stack;
    const as = (token: string, document: string, variables?: Variables) =>
      stack.q(token, document, variables);
    const admin = async (document: string, variables?: Variables) =>
      dataOf(await as(adminToken, document, variables));

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
    // The stack waited for every projection to hold the tree: the branches are known.
    const self = await register(org.gridA, '李明', 0);
    const peer = await register(org.gridA, '王芳', 1);
    const stranger = await register(org.gridB, '赵强', 2);
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
