import { Types, type Connection } from 'mongoose';
import { gql } from './graphql-client';
import { waitFor } from './wait-for';

/** An organization to create in an e2e suite; `parent` names an earlier spec's key. */
export interface OrgSpec {
  key: string;
  name: string;
  kind: string;
  sector: string;
  parent?: string;
  /** 130903 (运河区) unless given. */
  regionCode?: string;
}

/**
 * The 运河区 sample most suites need: a district with two streets, a community and a grid in
 * each, and a district-level unit branch (for double reporting).
 */
export const YUNHE_SAMPLE: readonly OrgSpec[] = [
  {
    key: 'province',
    name: '河北省委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130000',
  },
  {
    key: 'district',
    parent: 'province',
    name: '运河区委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
  },
  {
    key: 'streetA',
    parent: 'district',
    name: '水月寺街道党工委',
    kind: 'WORKING_COMMITTEE',
    sector: 'COMMUNITY',
  },
  {
    key: 'communityA',
    parent: 'streetA',
    name: '朝阳社区党委',
    kind: 'PARTY_COMMITTEE',
    sector: 'COMMUNITY',
  },
  {
    key: 'gridA',
    parent: 'communityA',
    name: '朝阳第一网格党支部',
    kind: 'BRANCH',
    sector: 'GRID',
  },
  {
    key: 'streetB',
    parent: 'district',
    name: '南环中路街道党工委',
    kind: 'WORKING_COMMITTEE',
    sector: 'COMMUNITY',
  },
  {
    key: 'communityB',
    parent: 'streetB',
    name: '彩虹社区党委',
    kind: 'PARTY_COMMITTEE',
    sector: 'COMMUNITY',
  },
  {
    key: 'gridB',
    parent: 'communityB',
    name: '彩虹第一网格党支部',
    kind: 'BRANCH',
    sector: 'GRID',
  },
  {
    key: 'units',
    parent: 'district',
    name: '运河区直属机关工委',
    kind: 'WORKING_COMMITTEE',
    sector: 'STATE_ORGAN',
  },
  {
    key: 'unit',
    parent: 'units',
    name: '运河区直第一机关党支部',
    kind: 'BRANCH',
    sector: 'STATE_ORGAN',
  },
];

/**
 * Creates the organizations through the gateway, in order, with `adminToken`; returns their ids
 * by key. A `parent` that is no earlier spec's key is looked up in `existing`.
 */
export async function createOrgTree(
  gatewayBaseUrl: string,
  adminToken: string,
  specs: readonly OrgSpec[],
  existing: Record<string, string> = {},
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const { key, parent, regionCode, ...input } of specs) {
    const res = await gql(
      gatewayBaseUrl,
      adminToken,
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: {
          ...input,
          regionCode: regionCode ?? '130903',
          ...(parent && { parentId: ids[parent] ?? existing[parent] }),
        },
      },
    );
    if (res.errors) throw new Error(`creating ${key}: ${JSON.stringify(res.errors)}`);
    ids[key] = res.data.createOrganization.id;
  }
  return ids;
}

/**
 * Waits until a service's organization projection (`org_nodes` in `db`) holds every id. A new
 * consumer group reads the whole lifecycle topic first (every earlier run's events included),
 * which takes a while on a busy broker.
 */
export async function waitForOrgProjection(
  db: Connection,
  ids: readonly string[],
  timeoutMs = 240_000,
): Promise<void> {
  const wanted = ids.map((id) => new Types.ObjectId(id));
  await waitFor(
    async () =>
      (await db.collection('org_nodes').countDocuments({ _id: { $in: wanted } })) === wanted.length
        ? true
        : undefined,
    timeoutMs,
    500,
  );
}
