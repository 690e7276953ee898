import { Injectable } from '@nestjs/common';
import { pastOrNow } from '@jiceng/calendar';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { fromGeoPoint, toGeoPoint } from '@jiceng/geo';
import { badUserInput, conflict } from '@jiceng/graphql';
import { transition } from '@jiceng/workflow';
import { CLAIM_MODEL, type AttendanceRecord, type Claim } from '../claim/claim.schema';
import { CLAIM_STEPS } from '../claim/claim-steps';
import { ClaimService } from '../claim/claim.service';
import { CommunityAccess } from '../community/community-access';
import { TaskService } from '../task/task.service';
import type { VolunteerTask } from '../task/task.schema';
import { volunteeringEnv } from '../volunteering.env';
import { checkInTimeProblem, checkOutTimeProblem, countedMinutes } from './attendance-rules';
import type { ManualAttendanceInput, VolunteerAttendanceInput } from './dto/check-in.inputs';
import { evaluateEvidence, type Evidence } from './evidence';
import { issueCheckInToken, type CheckInToken } from './qr-token';

/** Clocks of phones and servers differ a little; a manual time this far ahead is still "now". */

@Injectable()
export class CheckInService {
  private readonly env = volunteeringEnv();

  constructor(
    @InjectModel(CLAIM_MODEL) private readonly model: Model<Claim>,
    private readonly claims: ClaimService,
    private readonly tasks: TaskService,
    private readonly access: CommunityAccess,
  ) {}

  /** The organizer's rotating QR code for a task: a fresh token on every call. */
  async issueToken(taskId: string, claims: Claims): Promise<CheckInToken & { taskId: string }> {
    const task = await this.tasks.get(taskId);
    await this.access.requireAdmin(claims, task.communityId);
    if (task.status !== 'PUBLISHED') throw conflict(`Volunteer task ${taskId} is cancelled`);
    const token = issueCheckInToken(
      taskId,
      new Date(),
      this.env.qrTokenTtlSeconds,
      this.env.qrSecret,
    );
    return { taskId, ...token };
  }

  async checkIn(input: VolunteerAttendanceInput, claims: Claims): Promise<Claim> {
    const claim = await this.claims.getAsClaimant(input.claimId, claims);
    this.requireStep(claim, 'checkIn');
    const task = await this.openTask(claim);
    const now = new Date();
    const timeProblem = checkInTimeProblem(now, task);
    if (timeProblem)
      throw badUserInput([
        { field: 'input.claimId', message: `cannot check in now: ${timeProblem}` },
      ]);
    const record = this.selfRecord(input, task, now, claims);
    return this.write(claim, 'checkIn', { checkIn: record });
  }

  async checkOut(input: VolunteerAttendanceInput, claims: Claims): Promise<Claim> {
    const claim = await this.claims.getAsClaimant(input.claimId, claims);
    this.requireStep(claim, 'checkOut');
    const task = await this.tasks.get(String(claim.taskId));
    const now = new Date();
    const checkedInAt = (claim.checkIn as AttendanceRecord).at;
    const timeProblem = checkOutTimeProblem(now, checkedInAt, task);
    if (timeProblem)
      throw badUserInput([
        { field: 'input.claimId', message: `cannot check out now: ${timeProblem}` },
      ]);
    const record = this.selfRecord(input, task, now, claims);
    return this.write(claim, 'checkOut', {
      checkOut: record,
      durationMinutes: countedMinutes(checkedInAt, now, task),
    });
  }

  async manualCheckIn(input: ManualAttendanceInput, claims: Claims): Promise<Claim> {
    const claim = await this.claims.get(input.claimId);
    await this.access.requireAdmin(claims, claim.communityId);
    this.requireStep(claim, 'checkIn');
    const task = await this.openTask(claim);
    const at = pastOrNow(input.at, 'input.at');
    const timeProblem = checkInTimeProblem(at, task);
    if (timeProblem)
      throw badUserInput([
        {
          field: input.at ? 'input.at' : 'input.claimId',
          message: `cannot check in at ${at.toISOString()}: ${timeProblem}`,
        },
      ]);
    return this.write(claim, 'checkIn', {
      checkIn: this.manualRecord(input, at, claims),
    });
  }

  async manualCheckOut(input: ManualAttendanceInput, claims: Claims): Promise<Claim> {
    const claim = await this.claims.get(input.claimId);
    await this.access.requireAdmin(claims, claim.communityId);
    this.requireStep(claim, 'checkOut');
    const task = await this.tasks.get(String(claim.taskId));
    const at = pastOrNow(input.at, 'input.at');
    const checkedInAt = (claim.checkIn as AttendanceRecord).at;
    // The organizer may close a check-out the volunteer forgot, however late: no closing time.
    const timeProblem = checkOutTimeProblem(at, checkedInAt, task, Number.POSITIVE_INFINITY);
    if (timeProblem) throw badUserInput([{ field: 'input.at', message: timeProblem }]);
    return this.write(claim, 'checkOut', {
      checkOut: this.manualRecord(input, at, claims),
      durationMinutes: countedMinutes(checkedInAt, at, task),
    });
  }

  private requireStep(claim: Claim, step: 'checkIn' | 'checkOut'): void {
    CLAIM_STEPS.requireStep(claim.state, step);
  }

  private async openTask(claim: Claim): Promise<VolunteerTask> {
    const task = await this.tasks.get(String(claim.taskId));
    if (task.status !== 'PUBLISHED')
      throw conflict(`Volunteer task ${task._id} was cancelled: ${task.cancelReason ?? ''}`.trim());
    return task;
  }

  /** Evidence the volunteer brings; nothing is written unless at least one piece passes. */
  private selfRecord(
    input: VolunteerAttendanceInput,
    task: VolunteerTask,
    now: Date,
    claims: Claims,
  ): AttendanceRecord {
    const { passed, problems } = evaluateEvidence(input, {
      taskId: String(task._id),
      place: fromGeoPoint(task.place),
      radiusMeters: task.radiusMeters,
      now,
      secret: this.env.qrSecret,
    });
    if (!passed.length) throw badUserInput(problems);
    return {
      at: now,
      evidence: passed,
      position: input.position ? toGeoPoint(input.position) : null,
      recordedBy: claims.sub,
    };
  }

  private manualRecord(input: ManualAttendanceInput, at: Date, claims: Claims): AttendanceRecord {
    const evidence: Evidence = {
      kind: 'MANUAL',
      detail: `recorded by the organizer (${claims.sub}): ${input.reason.trim()}`,
    };
    return { at, evidence: [evidence], position: null, recordedBy: claims.sub };
  }

  /** One conditional single-document update: of two concurrent check-ins, one wins. */
  private async write(
    claim: Claim,
    step: 'checkIn' | 'checkOut',
    changes: Partial<Claim>,
  ): Promise<Claim> {
    await transition(this.model, {
      steps: CLAIM_STEPS,
      step,
      id: claim._id,
      set: { ...changes, updatedAt: new Date() },
      what: 'Claim',
    });
    return this.claims.get(String(claim._id));
  }
}
