import { Types } from 'mongoose';
import {
  attendanceProblems,
  attendanceRole,
  notInFuture,
  reasonProblem,
  type AttendingMember,
} from './attendance.rules';

const branch = new Types.ObjectId();
const elsewhere = new Types.ObjectId();
const member = (over: Partial<AttendingMember> = {}): AttendingMember => ({
  _id: new Types.ObjectId(),
  organizationId: branch,
  status: 'FULL',
  ...over,
});

describe('attendance rules', () => {
  const home = member();
  const floating = member({ organizationId: elsewhere, floating: { projectBranchId: branch } });
  const stranger = member({ organizationId: elsewhere });
  const applicant = member({ status: 'APPLICANT' });
  const known = new Map([home, floating, stranger, applicant].map((m) => [String(m._id), m]));

  it('lets the branch’s members and its floating members attend', () => {
    expect(attendanceRole(home, branch)).toBe('HOME');
    expect(attendanceRole(floating, branch)).toBe('FLOATING');
    expect(attendanceRole(stranger, branch)).toBeNull();
    expect(
      attendanceProblems(
        [
          { memberId: String(home._id), status: 'PRESENT' },
          { memberId: String(floating._id), status: 'ON_LEAVE', reason: '外出务工' },
        ],
        known,
        branch,
      ),
    ).toEqual([]);
  });

  it('names every offending entry by its field', () => {
    const unknown = String(new Types.ObjectId());
    const problems = attendanceProblems(
      [
        { memberId: String(home._id), status: 'ON_LEAVE' },
        { memberId: String(home._id), status: 'PRESENT' },
        { memberId: String(stranger._id), status: 'ABSENT', reason: '无' },
        { memberId: unknown, status: 'PRESENT' },
        { memberId: String(applicant._id), status: 'PRESENT' },
      ],
      known,
      branch,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'input.attendance.0.reason',
      'input.attendance.1.memberId',
      'input.attendance.2.memberId',
      'input.attendance.2.reason',
      'input.attendance.3.memberId',
      'input.attendance.4.memberId',
    ]);
    expect(problems[2].message).toMatch(/floating member assigned/);
  });

  it('pairs a reason with ON_LEAVE only, and refuses days to come', () => {
    expect(reasonProblem('ON_LEAVE', '病假', 'r')).toBeNull();
    expect(reasonProblem('PRESENT', undefined, 'r')).toBeNull();
    expect(reasonProblem('ON_LEAVE', undefined, 'r')?.message).toMatch(/required/);
    expect(notInFuture('2023-06-21', '2023-06-20', 'input.heldOn')).toEqual([
      { field: 'input.heldOn', message: 'must not be in the future (Asia/Shanghai)' },
    ]);
    expect(notInFuture('2023-06-20', '2023-06-20', 'input.heldOn')).toEqual([]);
  });
});
