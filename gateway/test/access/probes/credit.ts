import type { Role } from '@jiceng/auth';
import { otherMember, type AdminApi, type ProbeSet, type World } from '../probe';

// The credit subgraph's probes. Accounts are aimed at members: the member itself inside, for a
// member its peer in the same branch outside, for scoped roles gridB's member. Orders need points
// the suite's members do not have: placing one is answered CONFLICT (not enough points), which
// still records a REJECTED order; cancelling that order is answered CONFLICT too.

const K = (name: string) => `credit.${name}`;
const id = (w: World, name: string) => w.ids[K(name)];
const account = (memberId: string) => ({ account: { kind: 'MEMBER', id: memberId } });

const ORDER_TARGET = (role: Role) => (role === 'MEMBER' ? 'orderPeer' : 'orderB');

export const creditProbes: ProbeSet = {
  setup: (w, api) => setup(w, api),
  probes: {
    'Query.ledgerEntries': {
      document: `query($account: AccountInput!) { ledgerEntries(account: $account, first: 10) { edges { node { id points } } totalCount } }`,
      inside: (w) => account(w.self),
      outside: (w, role) => account(otherMember(w, role)),
    },
    'Query.creditAccount': {
      document: `query($account: AccountInput!) { creditAccount(account: $account) { kind id points available months { month points } } }`,
      inside: (w) => account(w.self),
      outside: (w, role) => account(otherMember(w, role)),
    },
    'Query.balanceHash': {
      document: `query { balanceHash { hash accountMonths } }`,
      inside: () => ({}),
    },
    'Query.firmCreditBonuses': {
      document: `query { firmCreditBonuses(period: "2023-Q2") { firmId tier } }`,
      inside: () => ({}),
    },
    'Query.rankings': {
      document: `query($within: ID!) { rankings(kind: MEMBER, period: "2023-06", within: $within) { edges { node { accountId points rank } } totalCount } }`,
      inside: (w) => ({ within: w.org.gridA }),
      outside: (w) => ({ within: w.org.gridB }),
    },
    'Query.letters': {
      document: `query($org: ID!) { letters(organizationId: $org) { edges { node { id } } totalCount } }`,
      inside: (w) => ({ org: w.org.gridA }),
      outside: (w) => ({ org: w.org.gridB }),
    },
    'Query.catalogue': {
      document: `query($community: ID!) { catalogue(communityId: $community) { edges { node { id name pricePoints } } } }`,
      inside: (w) => ({ community: w.org.communityA }),
      outside: (w) => ({ community: w.org.communityB }),
    },
    'Query.orders': {
      document: `query($member: ID) { orders(memberId: $member) { edges { node { id memberId state } } totalCount } }`,
      inside: (w) => ({ member: w.self }),
      outside: (w, role) => ({ member: otherMember(w, role) }),
    },
    'Query.creditRules': {
      document: `query { creditRules { version effectiveFrom } }`,
      inside: () => ({}),
    },
    'Mutation.placeOrder': {
      document: `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id state } }`,
      // A member orders for itself (memberId left out); ADMIN names the member.
      inside: (w, role) => ({
        input: {
          itemId: id(w, 'item'),
          quantity: 1,
          ...(role !== 'MEMBER' && { memberId: w.self }),
        },
      }),
      outside: (w, role) => ({
        input: {
          itemId: id(w, role === 'MEMBER' ? 'item' : 'itemB'),
          quantity: 1,
          memberId: otherMember(w, role),
        },
      }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.cancelOrder': {
      document: `mutation($id: ID!) { cancelOrder(id: $id) { id state } }`,
      inside: (w) => ({ id: id(w, 'order') }),
      outside: (w, role) => ({ id: id(w, ORDER_TARGET(role)) }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.addCatalogueItem': {
      document: `mutation($input: AddCatalogueItemInput!) { addCatalogueItem(input: $input) { id } }`,
      inside: (w, role) => ({ input: itemInput(w.org.communityA, `P_${role}`) }),
      outside: (w, role) => ({ input: itemInput(w.org.communityB, `P_${role}`) }),
    },
    'Mutation.restockCatalogueItem': {
      document: `mutation($id: ID!) { restockCatalogueItem(id: $id, quantity: 5) { id stock } }`,
      inside: (w) => ({ id: id(w, 'item') }),
      outside: (w) => ({ id: id(w, 'itemB') }),
    },
    'Mutation.generateLetters': {
      document: `mutation($org: ID!) { generateLetters(period: "2023-Q1", organizationId: $org) { period } }`,
      inside: (w) => ({ org: w.org.communityA }),
      outside: (w) => ({ org: w.org.communityB }),
    },
    'Mutation.publishCreditRules': {
      document: `mutation($input: PublishCreditRulesInput!) { publishCreditRules(input: $input) { version } }`,
      // In force only from 2099: the other rows' check-ins keep the rules they had.
      inside: (w) => ({ input: rulesInput(`v9-acl${w.run}`) }),
    },
  },
};

const itemInput = (communityId: string, code: string) => ({
  communityId,
  code,
  name: '毛巾',
  category: 'GOODS',
  unit: '条',
  pricePoints: 10,
  stock: 5,
});

const rulesInput = (version: string) => ({
  version,
  effectiveFrom: '2099-01-01T00:00:00+08:00',
  description: '访问控制测试用规则',
  memberPoints: { basis: 'TASK' },
  organizationClaimPoints: { basis: 'TASK' },
  branchShare: { mode: 'NONE' },
  unitShare: { mode: 'NONE' },
  firmShare: { mode: 'NONE' },
  monthlyCaps: { member: 200, organization: 3000, firm: 10000 },
  firmBonusTiers: [{ tier: 'A', label: 'A级', minPoints: 100, bonusScore: 3 }],
  letters: { memberTop: 3, memberBottom: 3, organizationTop: 3, organizationBottom: 3 },
});

async function setup(w: World, api: AdminApi): Promise<void> {
  const put = (name: string, value: string) => (w.ids[K(name)] = value);
  const orgAdmin = api.token('ORG_ADMIN');
  // Scope checks read the credit service's own projections of the tree and of the members, fed
  // by events: wait until an ORG_ADMIN may read the community and gridA's members.
  await api.eventually(async () => {
    const res = await api.as(
      orgAdmin,
      `query($a: AccountInput!, $b: AccountInput!) { creditAccount(account: $a) { id } member: creditAccount(account: $b) { id } }`,
      { a: { kind: 'ORGANIZATION', id: w.org.communityA }, b: account(w.peer).account },
    );
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  });
  const add = async (name: string, communityId: string) =>
    put(
      name,
      (
        await api.admin(
          `mutation($input: AddCatalogueItemInput!) { addCatalogueItem(input: $input) { id } }`,
          { input: itemInput(communityId, `ACL_${name.toUpperCase()}`) },
        )
      ).addCatalogueItem.id,
    );
  await add('item', w.org.communityA);
  await add('itemB', w.org.communityB);
  const order = async (name: string, memberId: string, item: string) => {
    // Rejected for want of points (CONFLICT), the order stays on record.
    await api.as(
      api.token('ADMIN'),
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`,
      { input: { itemId: id(w, item), quantity: 1, memberId } },
    );
    const { orders } = await api.admin(
      `query($m: ID!) { orders(memberId: $m, first: 1) { edges { node { id } } } }`,
      { m: memberId },
    );
    put(name, orders.edges[0].node.id);
  };
  await order('order', w.self, 'item');
  await order('orderPeer', w.peer, 'item');
  await order('orderB', w.stranger, 'itemB');
}
