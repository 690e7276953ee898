import { Types } from 'mongoose';
import { checkInReviewedV1, parseEvent } from '@jiceng/events';
import { reviewRecord } from './claim.events';
import type { Claim } from './claim.schema';

const at = (iso: string) => new Date(iso);
const claim: Claim = {
  _id: new Types.ObjectId('6b02d8672a6584f6ec021221'),
  taskId: new Types.ObjectId('6b02d8672a6584f6ec021222'),
  communityId: new Types.ObjectId('6b02d8672a6584f6ec021223'),
  claimantKind: 'MEMBER',
  memberId: new Types.ObjectId('6b02d8672a6584f6ec021224'),
  organizationId: null,
  claimedBy: 'm',
  state: 'CHECKED_OUT',
  claimedAt: at('2023-06-01T00:00:00Z'),
  task: {
    category: 'ANTI_FRAUD',
    points: 5,
    startsAt: at('2023-06-05T01:00:00Z'),
    endsAt: at('2023-06-05T03:00:00Z'),
  },
  checkIn: { at: at('2023-06-05T00:55:00Z'), evidence: [], recordedBy: 'm' },
  checkOut: { at: at('2023-06-05T03:10:00Z'), evidence: [], recordedBy: 'm' },
  durationMinutes: 120,
  updatedAt: at('2023-06-05T03:10:00Z'),
  outbox: [],
};

describe('review events', () => {
  it('announces an approval on the checkins topic, keyed by claim id, within the contract', () => {
    const approvedAt = at('2023-06-06T02:00:00Z');
    const record = reviewRecord('approved', claim, approvedAt, approvedAt);
    expect(record).toMatchObject({
      topic: 'jiceng.volunteering.checkins.v1',
      key: String(claim._id),
    });
    const event = parseEvent(checkInReviewedV1, record.value);
    expect(event.type).toBe('jiceng.volunteering.checkin.approved');
    expect(event.time).toBe('2023-06-06T02:00:00.000Z');
    expect(event.data).toEqual({
      claimId: '6b02d8672a6584f6ec021221',
      taskId: '6b02d8672a6584f6ec021222',
      communityId: '6b02d8672a6584f6ec021223',
      claimantKind: 'MEMBER',
      memberId: '6b02d8672a6584f6ec021224',
      organizationId: null,
      taskCategory: 'ANTI_FRAUD',
      taskPoints: 5,
      durationMinutes: 120,
      checkedInAt: '2023-06-05T00:55:00.000Z',
      checkedOutAt: '2023-06-05T03:10:00.000Z',
      reviewedAt: '2023-06-06T02:00:00.000Z',
    });
  });

  it('repeats the approval payload in a revocation, with the revocation time on the event', () => {
    const approvedAt = at('2023-06-06T02:00:00Z');
    const approved = parseEvent(
      checkInReviewedV1,
      reviewRecord('approved', claim, approvedAt).value,
    );
    const revokedAt = at('2023-07-01T00:00:00Z');
    const revoked = parseEvent(
      checkInReviewedV1,
      reviewRecord('revoked', claim, approvedAt, revokedAt).value,
    );
    expect(revoked.type).toBe('jiceng.volunteering.checkin.approval-revoked');
    expect(revoked.data).toEqual(approved.data);
    expect(revoked.time).toBe('2023-07-01T00:00:00.000Z');
    expect(revoked.id).not.toBe(approved.id);
  });

  it('refuses to announce a claim without a completed check-in', () => {
    expect(() => reviewRecord('approved', { ...claim, checkOut: null }, new Date())).toThrow(
      /no completed check-in/,
    );
  });
});
