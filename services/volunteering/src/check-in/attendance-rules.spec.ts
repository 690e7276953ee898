import { checkInTimeProblem, checkOutTimeProblem, countedMinutes } from './attendance-rules';

const task = {
  startsAt: new Date('2023-06-05T01:00:00Z'), // 09:00 in Shanghai
  endsAt: new Date('2023-06-05T04:00:00Z'), // 12:00, three hours
};
const at = (hhmm: string) => new Date(`2023-06-05T${hhmm}:00Z`);

describe('counted minutes', () => {
  it('is check-out − check-in within the window', () => {
    expect(countedMinutes(at('01:10'), at('03:40'), task)).toBe(150);
  });

  it('is capped by the task window on both sides, so never longer than the task', () => {
    expect(countedMinutes(at('00:35'), at('03:00'), task)).toBe(120);
    expect(countedMinutes(at('01:30'), at('05:30'), task)).toBe(150);
    expect(countedMinutes(at('00:31'), at('05:59'), task)).toBe(180);
  });

  it('is zero when nothing overlaps and whole minutes otherwise', () => {
    expect(countedMinutes(at('04:10'), at('04:50'), task)).toBe(0);
    expect(
      countedMinutes(new Date('2023-06-05T01:00:00Z'), new Date('2023-06-05T01:01:59Z'), task),
    ).toBe(1);
  });
});

describe('check-in and check-out times', () => {
  it('opens check-in 30 minutes early and closes it at the end', () => {
    expect(checkInTimeProblem(at('00:30'), task)).toBeNull();
    expect(checkInTimeProblem(at('00:29'), task)).toMatch(/check-in opens at 2023-06-05T00:30/);
    expect(checkInTimeProblem(at('03:59'), task)).toBeNull();
    expect(checkInTimeProblem(at('04:00'), task)).toMatch(/ended/);
  });

  it('allows check-out after check-in until two hours after the end', () => {
    expect(checkOutTimeProblem(at('01:00'), at('01:10'), task)).toMatch(/before the check-in/);
    expect(checkOutTimeProblem(at('06:00'), at('01:10'), task)).toBeNull();
    expect(checkOutTimeProblem(at('06:01'), at('01:10'), task)).toMatch(/manual check-out/);
  });
});
