import { shanghaiDate } from '@jiceng/calendar';
import {
  dataOf,
  tokenFor,
  waitFor,
  waitForOrgProjection,
  withSubgraphStack,
  YUNHE_SAMPLE,
} from '@jiceng/testing';

// A volunteer's attendance at a signed-off 德邻有约 day becomes credit points with no change in
// credit: the day publishes it as an approved check-in, which the ledger scores like a task's
// claim (the member's points, its branch's share). A registered member, so the ledger knows whom
// it attributes the points to.

// The broker and store are shared with other runs; on an idle machine the points land in a second.
const EVENTUALLY_MS = 150_000;
const POINTS = 13;
// A valid check character (GB 11643); each run has databases of its own.
const ID_NUMBER = '130903198506154319';

/** The latest 5th of a month on or before today (Asia/Shanghai). */
function lastFifth(): string {
  const today = shanghaiDate(new Date());
  let [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (Number(today.slice(8, 10)) < 5) [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return `${y}-${String(m).padStart(2, '0')}-05`;
}

describe('德邻有约 attendance earns credit points', () => {
  const stack = withSubgraphStack({
    tag: 'sdc',
    services: ['organizations', 'members', 'volunteering', 'credit'],
    tree: YUNHE_SAMPLE,
  });
  const { org, q } = stack;
  const ok = async (token: string, query: string, variables?: object) =>
    dataOf(await q(token, query, variables));

  it('scores each volunteer present once the day is signed off', async () => {
    const admin = stack.adminToken;
    const gridAdmin = tokenFor('ORG_ADMIN', org.gridA);
    await Promise.all([
      waitForOrgProjection(stack.db('members'), Object.values(org)),
      waitForOrgProjection(stack.db('volunteering'), Object.values(org)),
    ]);
    const memberId = (
      await ok(admin, 'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { id } }', {
        i: {
          organizationId: org.gridA,
          status: 'FULL',
          name: '刘洋',
          idNumber: ID_NUMBER,
          statusSince: '2010-07-01T00:00:00Z',
        },
      })
    ).registerMember.id as string;

    const day = (
      await ok(
        gridAdmin,
        'mutation($i: PlanServiceDayInput!) { planServiceDay(input: $i) { id } }',
        {
          i: {
            branchId: org.gridA,
            date: lastFifth(),
            theme: '德邻有约',
            startTime: '08:30',
            endTime: '11:30',
            pointsPerVolunteer: POINTS,
            stalls: [{ kind: 'LEGAL_ADVICE', unitId: org.unit }],
          },
        },
      )
    ).planServiceDay.id as string;
    const step = (mutation: string, input: string, fields: object) =>
      ok(gridAdmin, `mutation($i: ${input}!) { ${mutation}(input: $i) { id } }`, {
        i: { serviceDayId: day, ...fields },
      });
    await step('signServiceAgreement', 'SignServiceAgreementInput', {
      partyKind: 'MEMBER',
      partyId: memberId,
    });
    await ok(gridAdmin, 'mutation($id: ID!) { holdServiceDay(id: $id) { id } }', { id: day });
    const attendance = (
      await ok(
        gridAdmin,
        `mutation($i: RecordServiceDayAttendanceInput!) { recordServiceDayAttendance(input: $i) {
          attendance { id memberId } } }`,
        { i: { serviceDayId: day, volunteers: [{ memberId }] } },
      )
    ).recordServiceDayAttendance.attendance as { id: string }[];
    await step('recordServiceDayFigures', 'RecordServiceDayFiguresInput', {
      services: 8,
      beneficiaries: 40,
      satisfaction: 98,
    });
    await ok(gridAdmin, 'mutation($id: ID!) { signOffServiceDay(id: $id) { state } }', {
      id: day,
    });

    const entries = () =>
      ok(
        admin,
        `query($a: AccountInput!, $m: ID!) {
          member(id: $m) { points }
          ledgerEntries(account: $a, first: 10) { totalCount edges { node { kind role points claimId } } } }`,
        { a: { kind: 'MEMBER', id: memberId }, m: memberId },
      );
    const settled = await waitFor(
      async () => {
        const now = await entries();
        // The balance and the entries are separate writes of the ledger: wait for both.
        return now.member?.points === POINTS && now.ledgerEntries.totalCount > 0 ? now : undefined;
      },
      EVENTUALLY_MS,
      250,
    ).catch(() => entries());
    expect(settled.member.points).toBe(POINTS);
    expect(settled.ledgerEntries).toEqual({
      totalCount: 1,
      edges: [
        { node: { kind: 'EARN', role: 'MEMBER', points: POINTS, claimId: attendance[0].id } },
      ],
    });
  }, 240_000);
});
