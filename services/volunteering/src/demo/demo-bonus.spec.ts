import { periodStart, shanghaiQuarter } from '@jiceng/calendar';
import { DEMO_BONUS_QUARTER, demoFirmServiceDays } from '@jiceng/demo';
import { bonusTasksAndClaims, demoBonusTaskIds, DEMO_BONUS_FIRMS } from './demo-bonus';
import { demoId } from './demo-kit';

// The bonus quarter as the loader writes it: each firm's floating members get exactly the
// approved days the plan gives the firm (the credit demo's test turns them into tiers).

const communities = Array.from({ length: 24 }, (_, i) => ({
  _id: demoId(`test-rongdong/${i}`),
  name: `容东片区第${i}社区党委`,
  streetId: demoId('test-rongdong'),
}));
const floatingByFirm = Array.from({ length: DEMO_BONUS_FIRMS }, (_, f) =>
  Array.from({ length: 12 + f * 3 }, (_, k) => demoId(`test-floating/${f}/${k}`)),
);

describe('the demo bonus quarter', () => {
  const { tasks, claims } = bonusTasksAndClaims({ communities, floatingByFirm });

  it('approves exactly the planned days of each firm, all reviewed in the quarter', () => {
    for (let firm = 0; firm < DEMO_BONUS_FIRMS; firm++) {
      const own = new Set(floatingByFirm[firm].map(String));
      const approved = claims.filter((c) => c.state === 'APPROVED' && own.has(String(c.memberId)));
      expect(approved).toHaveLength(demoFirmServiceDays(firm));
      for (const c of approved) {
        expect(shanghaiQuarter(c.review!.reviewedAt)).toBe(DEMO_BONUS_QUARTER);
        expect(c.outbox).toHaveLength(1);
      }
    }
    expect(claims.filter((c) => c.state !== 'APPROVED').every((c) => !c.outbox.length)).toBe(true);
  });

  it('has the fixed task ids, never books a member twice on a task, never over-books', () => {
    expect(tasks.map((t) => String(t._id))).toEqual(demoBonusTaskIds().map(String));
    for (const task of tasks) {
      const own = claims.filter((c) => c.taskId.equals(task._id));
      expect(new Set(own.map((c) => String(c.memberId))).size).toBe(own.length);
      expect(task.remainingSlots).toBeGreaterThanOrEqual(0);
      expect(task.startsAt.getTime()).toBeGreaterThan(periodStart(DEMO_BONUS_QUARTER).getTime());
    }
  });

  it('refuses a firm without enough floating members', () => {
    const few = floatingByFirm.map((m, f) => (f === 3 ? m.slice(0, 4) : m));
    expect(() => bonusTasksAndClaims({ communities, floatingByFirm: few })).toThrow(/firm 3/);
  });
});
