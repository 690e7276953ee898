import { Types } from 'mongoose';
import { branchCompliance, type BranchMonth } from '../organizational-life/compliance';
import { requiredSlots } from '../organizational-life/meeting-rhythm';
import {
  DEMO_MEETING_QUARTERS,
  demoMeetings,
  demoMisses,
  type MeetingBranch,
} from './demo-meetings';

// The demo's meetings judged by the service's own rhythm and compliance rules: every branch
// holds what is required except the planned misses, which the compliance view names.

const BRANCHES = 53;
const branches: MeetingBranch[] = Array.from({ length: BRANCHES }, (_, i) => {
  const _id = new Types.ObjectId();
  return {
    _id,
    path: [new Types.ObjectId(), _id],
    members: Array.from({ length: 20 + (i % 7) }, (_, k) => ({
      _id: new Types.ObjectId(),
      status: k === 0 ? 'APPLICANT' : k % 9 === 0 ? 'PROBATIONARY' : 'FULL',
      name: `党员${k}`,
    })),
  };
});
const meetings = demoMeetings(branches, new Date('2024-07-01T00:00:00Z'));

function monthsOf(branch: MeetingBranch): BranchMonth[] {
  const months = new Map<string, BranchMonth>();
  for (const m of meetings.filter((x) => x.organizationId.equals(branch._id))) {
    const month = m.heldOn.slice(0, 7);
    const entry = months.get(month) ?? { month, meetings: {} };
    entry.meetings[String(m._id)] = {
      kind: m.kind,
      version: 1,
      present: m.attendance.filter((a) => a.status === 'PRESENT').length,
      onLeave: m.attendance.filter((a) => a.status === 'ON_LEAVE').length,
      absent: m.attendance.filter((a) => a.status === 'ABSENT').length,
    };
    months.set(month, entry);
  }
  return [...months.values()];
}

describe('the demo meetings of 运河区', () => {
  it.each(DEMO_MEETING_QUARTERS)('leave exactly the planned gaps in %s', (quarter) => {
    const slots = requiredSlots(quarter, '2026-01-01');
    const missed = branches.flatMap((b, i) =>
      branchCompliance(String(b._id), monthsOf(b), slots).kinds.flatMap((k) =>
        k.missedSlots.map((slot) => ({ branch: i, kind: k.kind, slot })),
      ),
    );
    const planned = demoMisses(BRANCHES).filter((m) => slots.some((s) => s.slot === m.slot));
    expect(missed).toEqual(expect.arrayContaining(planned));
    expect(missed).toHaveLength(planned.length);
    expect(planned.length).toBeGreaterThan(0);
    expect(new Set(planned.map((m) => m.branch)).size).toBeLessThan(BRANCHES / 4);
  });

  it('lets only full and probationary members of the branch attend, with a reason for leave', () => {
    for (const m of meetings) {
      const branch = branches.find((b) => b._id.equals(m.organizationId))!;
      for (const a of m.attendance) {
        const member = branch.members.find((x) => x._id.equals(a.memberId))!;
        expect(['FULL', 'PROBATIONARY']).toContain(member.status);
        expect(!!a.reason).toBe(a.status === 'ON_LEAVE');
      }
      expect(m.outbox).toHaveLength(1);
      expect(m.heldOn < '2024-07-01').toBe(true);
    }
  });

  it('gives the same meetings and attendance ids on a second run', () => {
    const again = demoMeetings(branches, new Date());
    expect(again.map((m) => String(m._id))).toEqual(meetings.map((m) => String(m._id)));
    expect(again[0].attendance.map((a) => a.status)).toEqual(
      meetings[0].attendance.map((a) => a.status),
    );
  });
});
