import { dataOf, testIdNumber, tokenFor, withSubgraphStack, YUNHE_SAMPLE } from '@jiceng/testing';

// Every unmasked ID number or phone a caller receives through the gateway is recorded before it
// is shown, and the auditor reads the records of a subtree and period; masked reads leave none.

describe('audit trail of personal data', () => {
  const stack = withSubgraphStack({
    tag: 'ra',
    services: ['organizations', 'members'],
    tree: YUNHE_SAMPLE,
  });
  const { org } = stack;
  const auditor = tokenFor('AUDITOR');
  const REVEALS = `query($o: ID!, $p: String!) { personalDataReveals(organizationId: $o, period: $p, first: 10) {
    totalCount edges { node { subject role callerOrganizationId memberId field operation at } } } }`;
  let memberId: string;

  beforeAll(async () => {
    memberId = dataOf(
      await stack.q(
        stack.adminToken,
        'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { id } }',
        {
          i: {
            organizationId: org.gridA,
            name: '审计',
            idNumber: testIdNumber(901),
            phone: '13812345678',
            status: 'FULL',
            statusSince: '2015-07-01T00:00:00Z',
          },
        },
      ),
    ).registerMember.id;
  });
  const reveals = async (o = org.gridA) => {
    const year = new Date().toISOString().slice(0, 4);
    return dataOf(await stack.q(auditor, REVEALS, { o, p: year })).personalDataReveals;
  };

  it('records each unmasked field a caller receives, once a request, with no personal data', async () => {
    const before = (await reveals()).totalCount;
    const orgAdmin = tokenFor('ORG_ADMIN', org.streetA);
    const read = await stack.q(
      orgAdmin,
      'query ReadRoster($id: ID!) { member(id: $id) { idNumber phone again: idNumber personalDataMasked } }',
      { id: memberId },
    );
    expect(dataOf(read).member).toEqual({
      idNumber: testIdNumber(901),
      phone: '13812345678',
      again: testIdNumber(901),
      personalDataMasked: false,
    });
    const after = await reveals();
    expect(after.totalCount).toBe(before + 2);
    const nodes = after.edges.slice(0, 2).map((e: any) => e.node);
    expect(nodes.map((n: any) => n.field).sort()).toEqual(['idNumber', 'phone']);
    for (const node of nodes) {
      expect(node).toMatchObject({
        subject: expect.any(String),
        role: 'ORG_ADMIN',
        callerOrganizationId: org.streetA,
        memberId,
        operation: expect.stringMatching(/^query ReadRoster/),
      });
      expect(JSON.stringify(node)).not.toContain('13812345678');
      expect(JSON.stringify(node)).not.toContain(testIdNumber(901));
    }
    // The record is found from any organization above the member, not from a sibling subtree.
    expect((await reveals(org.district)).totalCount).toBeGreaterThanOrEqual(before + 2);
    expect((await reveals(org.streetB)).totalCount).toBe(0);
  });

  it('records nothing for a masked read', async () => {
    const before = (await reveals()).totalCount;
    const analyst = tokenFor('ANALYST', org.streetA);
    const read = dataOf(
      await stack.q(
        analyst,
        'query($id: ID!) { member(id: $id) { idNumber phone personalDataMasked } }',
        { id: memberId },
      ),
    );
    expect(read.member.personalDataMasked).toBe(true);
    expect(read.member.idNumber).not.toBe(testIdNumber(901));
    expect((await reveals()).totalCount).toBe(before);
  });

  it('is the auditor’s alone', async () => {
    const res = await stack.q(stack.adminToken, REVEALS, { o: org.gridA, p: '2026' });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
