import { Types } from 'mongoose';
import { parseEvent, checkInReviewedV1 } from '@jiceng/events';
import { summarizeServiceRequests } from '../service-request/service-request-stats';
import { demoId, demoVolunteering, DEMO_TASKS, type DemoInput } from './demo-volunteering';

const streets = ['水月寺', '南环中路', '西环中路', '公园', '市场', '解放路'];
const communities = Array.from({ length: 73 }, (_, i) => ({
  _id: demoId(`test-community/${i}`),
  name: `${streets[i % 6]}第${i}社区党委`,
  streetId: demoId(`test-street/${i % 6}`),
}));
const gaomi = Array.from({ length: 25 }, (_, i) => ({ _id: demoId(`test-gaomi/${i}`) }));
const units = Array.from({ length: 80 }, (_, i) => demoId(`test-unit/${i}`));
const members = Array.from({ length: 3137 }, (_, i) => ({
  _id: demoId(`test-member/${i}`),
  communityId: i % 10 === 0 ? null : communities[i % 73]._id,
}));

describe('volunteering demo data', () => {
  const withMembers: DemoInput = { communities, units, members, requestCommunities: gaomi };
  const data = demoVolunteering(withMembers);

  it('publishes 220 tasks across the communities and never over-books one', () => {
    expect(data.tasks).toHaveLength(DEMO_TASKS);
    expect(new Set(data.tasks.map((t) => String(t.communityId))).size).toBe(73);
    for (const task of data.tasks) {
      const held = data.claims.filter((c) => c.taskId.equals(task._id) && c.state !== 'WITHDRAWN');
      expect(held.length).toBeLessThanOrEqual(task.slots);
      expect(task.remainingSlots).toBe(task.slots - held.length);
      expect(task.holders.map((h) => String(h.claimId)).sort()).toEqual(
        held.map((c) => String(c._id)).sort(),
      );
      expect(new Set(task.holders.map((h) => h.key)).size).toBe(task.holders.length);
    }
  });

  it('has about 1150 member claims and 20-odd organization claims, approvals carrying their event', () => {
    const byMembers = data.claims.filter((c) => c.claimantKind === 'MEMBER');
    const byUnits = data.claims.filter((c) => c.claimantKind === 'ORGANIZATION');
    expect(byMembers.length).toBeGreaterThan(1100);
    expect(byMembers.length).toBeLessThan(1250);
    expect(byUnits.length).toBeGreaterThanOrEqual(20);
    expect(byUnits.length).toBeLessThan(40);
    const approved = data.claims.filter((c) => c.state === 'APPROVED');
    expect(approved.length / data.claims.length).toBeGreaterThan(0.85);
    for (const claim of approved) {
      expect(claim.outbox).toHaveLength(1);
      const event = parseEvent(checkInReviewedV1, claim.outbox[0].value);
      expect(event.data).toMatchObject({
        claimId: String(claim._id),
        durationMinutes: claim.durationMinutes,
      });
      expect(claim.durationMinutes).toBeLessThanOrEqual(180);
    }
    expect(
      data.claims.filter((c) => c.state !== 'APPROVED').every((c) => c.outbox.length === 0),
    ).toBe(true);
  });

  it("reproduces the report's micro-wish and service-request figures", () => {
    expect(data.wishes).toHaveLength(78);
    expect(data.wishes.filter((w) => w.state === 'FULFILLED')).toHaveLength(54);
    const accepted = data.requests.filter((r) => r.acceptedAt);
    expect(accepted).toHaveLength(1320);
    expect(new Set(data.requests.map((r) => String(r.communityId))).size).toBe(25);
    const stats = summarizeServiceRequests(accepted, new Date('2023-12-31T00:00:00Z'));
    expect(stats).toMatchObject({
      accepted: 1320,
      closed: 1318,
      closedRate: 0.9985,
      satisfiedRate: 0.9529,
    });
    expect(stats.overdue).toBe(22); // 20 closed late, 2 still open
    for (const r of accepted) {
      expect(r.dueAt!.getTime()).toBeGreaterThan(r.acceptedAt!.getTime() + 5 * 86_400_000);
      if (r.closedAt) expect(r.closedLate).toBe(r.closedAt > r.dueAt!);
    }
  });

  it('is deterministic and falls back to organization claims without members', () => {
    const again = demoVolunteering(withMembers);
    expect(again.claims.map((c) => String(c._id))).toEqual(data.claims.map((c) => String(c._id)));
    const noMembers = demoVolunteering({ ...withMembers, members: [] });
    expect(noMembers.claims.every((c) => c.claimantKind === 'ORGANIZATION')).toBe(true);
    expect(noMembers.claims.length).toBeGreaterThan(150);
    expect(noMembers.tasks.map((t) => String(t._id))).toEqual(data.tasks.map((t) => String(t._id)));
    expect(noMembers.wishes.every((w) => w.memberId === null)).toBe(true);
    expect(Types.ObjectId.isValid(String(noMembers.requests[0]._id))).toBe(true);
  });
});
