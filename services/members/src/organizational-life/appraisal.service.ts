import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { shanghaiDate, shanghaiYear } from '@jiceng/calendar';
import { badUserInput, conflict, forbidden, notFound, type FieldError } from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { createOrConflict } from '@jiceng/workflow';
import { managesPath } from '../member/member-access';
import { MEMBER_MODEL, type Member } from '../member/member.schema';
import { appraisalProblems, type AppraisalRule } from './appraisal.rules';
import {
  APPRAISAL_MODEL,
  APPRAISAL_PROJECTION,
  appraisalId,
  type MemberAppraisal,
} from './appraisal.schema';
import { notInFuture } from './attendance.rules';
import type { RecordAppraisalInput } from './dto/appraisal.inputs';
import { ATTENDING_STATUSES } from './organizational-life.enums';
import { appraisalRecord } from './organizational-life.events';

export const APPRAISAL_RULES = Symbol('APPRAISAL_RULES');

@Injectable()
export class AppraisalService {
  constructor(
    @InjectModel(APPRAISAL_MODEL) private readonly model: Model<MemberAppraisal>,
    @InjectModel(MEMBER_MODEL) private readonly members: Model<Member>,
    @Inject(APPRAISAL_RULES) private readonly rules: readonly AppraisalRule[],
    private readonly relay: OutboxRelays,
  ) {}

  /** 民主评议党员: records a member's grade for a year, or changes it (a new version). */
  async record(input: RecordAppraisalInput, claims: Claims): Promise<MemberAppraisal> {
    const member = await this.members
      .findById(input.memberId, { organizationId: 1, organizationPath: 1, status: 1 })
      .lean<Pick<Member, '_id' | 'organizationId' | 'organizationPath' | 'status'>>();
    if (!member) throw notFound('Member', input.memberId);
    if (!managesPath(claims, member.organizationPath))
      throw forbidden("Only ADMIN or an ORG_ADMIN of the member's branch or above appraises it");
    const now = new Date();
    const problems: FieldError[] = [];
    if (!ATTENDING_STATUSES.includes(member.status))
      problems.push({
        field: 'input.memberId',
        message: 'is not a full or probationary member (正式党员, 预备党员)',
      });
    if (input.year > shanghaiYear(now))
      problems.push({ field: 'input.year', message: 'must not be a year to come' });
    problems.push(...notInFuture(input.decidedOn, shanghaiDate(now), 'input.decidedOn'));
    if (Number(input.decidedOn.slice(0, 4)) < input.year)
      problems.push({ field: 'input.decidedOn', message: 'must not be before the year appraised' });
    problems.push(...(await appraisalProblems(this.rules, input)));
    if (problems.length) throw badUserInput(problems);

    const _id = appraisalId(member._id, input.year);
    const existing = await this.model.findById(_id, APPRAISAL_PROJECTION).lean<MemberAppraisal>();
    const next: MemberAppraisal = {
      _id,
      memberId: member._id,
      organizationId: member.organizationId,
      organizationPath: member.organizationPath,
      year: input.year,
      grade: input.grade,
      decision: input.decision,
      decidedOn: input.decidedOn,
      recordedBy: claims.sub,
      history: existing
        ? [
            ...existing.history,
            {
              grade: existing.grade,
              decision: existing.decision,
              decidedOn: existing.decidedOn,
              by: existing.recordedBy,
              at: existing.updatedAt,
            },
          ]
        : [],
      version: (existing?.version ?? 0) + 1,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      outbox: [],
    };
    const record = appraisalRecord(next, existing?.grade ?? null);
    if (!existing) {
      next.outbox = [record];
      return createOrConflict(
        this.model,
        next,
        `An appraisal of member ${input.memberId} for ${input.year} was just recorded; read it and retry`,
        this.relay,
      );
    }
    const { _id: _same, outbox: _none, history, createdAt: _kept, ...fields } = next;
    const result = await this.model.updateOne(
      { _id, version: existing.version },
      { $set: fields, $push: { history: history[history.length - 1], outbox: record } },
    );
    if (result.matchedCount === 0)
      throw conflict(`The appraisal ${_id} was changed concurrently; read it again and retry`);
    this.relay.kick(_id);
    return next;
  }

  findByIds(ids: readonly string[]): Promise<MemberAppraisal[]> {
    return this.model
      .find({ _id: { $in: [...ids] } }, APPRAISAL_PROJECTION)
      .lean<MemberAppraisal[]>();
  }
}
