import { dataOf, testIdNumber, tokenFor, withSubgraphStack, YUNHE_SAMPLE } from '@jiceng/testing';

// `/export.csv` through the real gateway in front of the organizations and members subgraphs:
// a connection paged to its end, an aggregate list, masking by role exactly as in GraphQL, and
// the JSON errors of a query that cannot be exported.

const NAMES = ['张伟', '李娜, 副书记', '王"强"', '=1+1'];
const MEMBERS = `query($org: ID!, $after: String) { organization(id: $org) {
  members(first: 3, after: $after) {
    edges { node { name idNumber personalDataMasked status statusLabel organization { name } } }
    pageInfo { hasNextPage endCursor } } } }`;

describe('CSV export through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'csv',
    services: ['organizations', 'members'],
    tree: YUNHE_SAMPLE,
  });
  const { org } = stack;

  async function exportCsv(token: string | null, body: object) {
    const res = await fetch(`${stack.gateway.baseUrl}/export.csv`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, bytes, text: bytes.toString('utf8') };
  }
  const lines = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);

  beforeAll(async () => {
    for (const [i, name] of NAMES.entries()) {
      dataOf(
        await stack.q(
          stack.adminToken,
          'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { id } }',
          {
            i: {
              organizationId: org.gridA,
              name,
              idNumber: testIdNumber(700 + i),
              status: 'FULL',
              statusSince: '2015-07-01T00:00:00Z',
            },
          },
        ),
      );
    }
  });

  it('pages a connection to its end, as UTF-8 with a BOM that Excel reads', async () => {
    const { res, bytes, text } = await exportCsv(stack.adminToken, {
      query: MEMBERS,
      variables: { org: org.gridA },
      list: 'organization.members',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="organization.members.csv"',
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(text);
    expect(header).toBe('name,idNumber,personalDataMasked,status,statusLabel,organization.name');
    // Four members over two pages of three; quoting and the defused formula as csv.ts writes.
    expect(rows).toHaveLength(NAMES.length);
    expect(rows).toContain(`张伟,${testIdNumber(700)},false,FULL,正式党员,朝阳第一网格党支部`);
    expect(rows.some((r) => r.startsWith('"李娜, 副书记",'))).toBe(true);
    expect(rows.some((r) => r.startsWith('"王""强""",'))).toBe(true);
    expect(rows.some((r) => r.startsWith("'=1+1,"))).toBe(true);
  });

  it('masks personal data by role, exactly as GraphQL does', async () => {
    const analyst = tokenFor('ANALYST', org.streetA);
    const { res, text } = await exportCsv(analyst, {
      query: MEMBERS,
      variables: { org: org.gridA },
      list: 'organization.members',
    });
    expect(res.status).toBe(200);
    const rows = lines(text).slice(1);
    expect(rows).toHaveLength(NAMES.length);
    for (const row of rows) {
      expect(row).toMatch(/,1309\*{10}\d{3}[\dX],true,FULL,/);
      expect(row).not.toContain(testIdNumber(700).slice(6, 14));
    }
  });

  it('exports an aggregate list in one piece', async () => {
    const { res, text } = await exportCsv(stack.adminToken, {
      query:
        'query($org: ID) { memberStats(organizationId: $org) { byStatus { status label count } } }',
      variables: { org: org.gridA },
      list: 'memberStats.byStatus',
    });
    expect(res.status).toBe(200);
    const [header, ...rows] = lines(text);
    expect(header).toBe('status,label,count');
    expect(rows).toContain(`FULL,正式党员,${NAMES.length}`);
  });

  it('answers a query it cannot export, or a caller it refuses, with a JSON error', async () => {
    const noPaging = await exportCsv(stack.adminToken, {
      query: '{ organizations(first: 2) { edges { node { id } } } }',
      list: 'organizations',
    });
    expect(noPaging.res.status).toBe(400);
    expect(JSON.parse(noPaging.text).errors[0]).toMatchObject({
      message: expect.stringMatching(/pageInfo/),
      extensions: { code: 'BAD_REQUEST' },
    });
    const anonymous = await exportCsv(null, { query: MEMBERS, list: 'organization.members' });
    expect(anonymous.res.status).toBe(401);
    expect(JSON.parse(anonymous.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const invalid = await exportCsv(stack.adminToken, {
      query: '{ organizations(first: 2, after: $after) { nope } }',
      list: 'organizations',
    });
    expect(invalid.res.status).toBe(400);
    expect(JSON.parse(invalid.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
