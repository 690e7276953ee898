import { createEvent, checkInReviewedV1, type CheckInReviewedV1 } from '@jiceng/events';
import { CREDIT_RULES_V1 } from '../rules/credit-rules';
import {
  approvalPlan,
  claimRounds,
  invalidCheckIn,
  revocationPlan,
  type CheckInEvent,
} from './checkin-plans';

const MEMBER = '64b000000000000000000001';
const BRANCH = '64b000000000000000000002';
const [CLAIM_A, CLAIM_B, CLAIM_C] = [
  '64b0000000000000000000a1',
  '64b0000000000000000000b1',
  '64b0000000000000000000c1',
];

function checkIn(claimId: string, type = 'jiceng.volunteering.checkin.approved'): CheckInEvent {
  const data: CheckInReviewedV1 = {
    claimId,
    taskId: '64b000000000000000000009',
    communityId: '64b000000000000000000008',
    claimantKind: 'MEMBER',
    memberId: MEMBER,
    organizationId: null,
    taskCategory: '文明创建',
    taskPoints: 10,
    durationMinutes: 60,
    checkedInAt: '2023-06-10T01:00:00.000Z',
    checkedOutAt: '2023-06-10T02:00:00.000Z',
    reviewedAt: '2023-06-10T03:00:00.000Z',
  };
  return createEvent(checkInReviewedV1, { type, subject: claimId, data });
}

describe('check-in plans over a batch', () => {
  it('splits a batch into rounds with each claim once, in order, and sets copies apart', () => {
    const a1 = checkIn(CLAIM_A);
    const b1 = checkIn(CLAIM_B);
    const a2 = checkIn(CLAIM_A, 'jiceng.volunteering.checkin.approval-revoked');
    const a3 = checkIn(CLAIM_A);
    const c1 = checkIn(CLAIM_C);
    const { rounds, copies } = claimRounds([a1, b1, a1, a2, c1, a3, b1]);
    expect(rounds).toEqual([[0, 1, 4], [3], [5]]);
    expect(copies).toEqual([2, 6]);
  });

  it('plans an approval, then a revocation reversing each of its entries', () => {
    const approval = checkIn(CLAIM_A);
    const rules = { rule: CREDIT_RULES_V1, caps: CREDIT_RULES_V1.monthlyCaps };
    const plan = approvalPlan(
      approval,
      { branchId: BRANCH, unitOrganizationId: null, firmId: null },
      rules,
    );
    expect(plan.entries.map((e) => [e.account, e.requested, e.month])).toEqual([
      [`MEMBER:${MEMBER}`, 10, '2023-06'],
      [`ORGANIZATION:${BRANCH}`, 2, '2023-06'],
    ]);
    const revoke = checkIn(CLAIM_A, 'jiceng.volunteering.checkin.approval-revoked');
    const reversal = revocationPlan(revoke, approval.id, plan);
    expect(reversal).toMatchObject({ kind: 'REVOCATION', revokes: approval.id });
    expect(reversal.entries.map((e) => [e.kind, e.requested, String(e.reversesEntryId)])).toEqual(
      plan.entries.map((e) => ['REVERSAL', -e.requested, String(e.entryId)]),
    );
    expect(revocationPlan(revoke, approval.id, null).entries).toEqual([]);
  });

  it('finds member claims without a member impossible', () => {
    const invalid = checkIn(CLAIM_B);
    (invalid.data as { memberId: string | null }).memberId = null;
    expect(invalidCheckIn(invalid)?.message).toMatch(/without memberId/);
    expect(invalidCheckIn(checkIn(CLAIM_C))).toBeNull();
  });
});
