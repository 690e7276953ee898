import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type FieldError,
  type PageArgs,
} from '@jiceng/graphql';
import { relatedListScope, managesPath } from '../member/member-access';
import { dateProblems } from '../member/member-steps';
import { PROJECT_BRANCH_KINDS } from '../member/member.enums';
import { MEMBER_MODEL, MEMBER_PROJECTION, type Member } from '../member/member.schema';
import { allOf } from '../member/member.queries';
import { MemberWriter } from '../member/member.writer';
import { pathOf, OrgProjectionService } from '@jiceng/org-projection';
import { MemberCounters } from '../read-model/member-counters';
import type { AssignFloatingInput, EndFloatingInput } from './dto/floating.inputs';

// Construction workers keep their home branch and join the project's temporary branch for the
// time on site (片区党总支 → 项目党支部 → 班组党小组); either side may record it.
const FLOATING_STATUSES = ['PROBATIONARY', 'FULL'];

@Injectable()
export class FloatingService {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly model: Model<Member>,
    private readonly writer: MemberWriter,
    private readonly orgs: OrgProjectionService,
    private readonly counters: MemberCounters,
  ) {}

  async assign(input: AssignFloatingInput, claims: Claims): Promise<Member> {
    const member = await this.load(input.memberId);
    const branch = await this.orgs.get(input.projectBranchId);
    if (!branch)
      throw badUserInput([
        { field: 'input.projectBranchId', message: 'is not a known organization' },
      ]);
    const branchPath = pathOf(branch);
    if (!managesPath(claims, member.organizationPath) && !managesPath(claims, branchPath))
      throw forbidden('Only the home side or the project side may assign a floating member');
    const problems: FieldError[] = [];
    if (!FLOATING_STATUSES.includes(member.status))
      problems.push({
        field: 'input.memberId',
        message: 'only probationary and full members float',
      });
    if (!PROJECT_BRANCH_KINDS.includes(branch.kind) || branch.status !== 'ACTIVE')
      problems.push({
        field: 'input.projectBranchId',
        message: 'is not an active temporary branch (TEMPORARY_BRANCH)',
      });
    if (member.floating?.projectBranchId.equals(branch._id))
      problems.push({
        field: 'input.projectBranchId',
        message: 'is the current assignment already',
      });
    problems.push(
      ...dateProblems(
        'input.from',
        input.from,
        member.floating?.from ?? null,
        new Date(),
        'the current assignment began',
      ),
    );
    if (problems.length) throw badUserInput(problems);
    const floating = {
      projectBranchId: branch._id,
      projectBranchPath: branchPath,
      from: input.from,
      by: claims.sub,
    };
    return this.writer.commit(
      member,
      {
        set: { floating },
        ...(member.floating && {
          push: { floatingHistory: { ...member.floating, to: input.from } },
        }),
      },
      'floatingAssigned',
      { changedFields: ['floating'], effectiveAt: input.from },
    );
  }

  async end(input: EndFloatingInput, claims: Claims): Promise<Member> {
    const member = await this.load(input.memberId);
    const current = member.floating;
    if (!current) throw conflict(`Member ${input.memberId} has no current floating assignment`);
    if (
      !managesPath(claims, member.organizationPath) &&
      !managesPath(claims, current.projectBranchPath)
    )
      throw forbidden('Only the home side or the project side may end a floating assignment');
    const problems = dateProblems(
      'input.to',
      input.to,
      current.from,
      new Date(),
      'the assignment began',
    );
    if (problems.length) throw badUserInput(problems);
    return this.writer.commit(
      member,
      { unset: ['floating'], push: { floatingHistory: { ...current, to: input.to } } },
      'floatingEnded',
      { changedFields: ['floating'], effectiveAt: input.to },
    );
  }

  /** Members currently assigned to project branches in a subtree the caller may read. */
  async list(
    claims: Claims,
    organizationId: Types.ObjectId,
    page: PageArgs,
  ): Promise<Connection<Member>> {
    const scope = relatedListScope(claims);
    if (!scope) throw forbidden('Your role does not read member records');
    const connection = await paginate<Member>(
      this.model,
      allOf(scope, { 'floating.projectBranchPath': organizationId }),
      page,
      MEMBER_PROJECTION,
    );
    // A MEMBER's list holds at most itself; everyone else's count is the subtree's counter.
    if (claims.role === 'MEMBER') return connection;
    return {
      ...connection,
      totalCount: async () => (await this.counters.ofSubtree(organizationId)).get('fl') ?? 0,
    };
  }

  private async load(id: string): Promise<Member> {
    const member = await this.model.findById(id, MEMBER_PROJECTION).lean<Member>();
    if (!member) throw notFound('Member', id);
    if (member.status === 'LEFT')
      throw conflict(`Member ${id} has left the party; the record is closed`);
    return member;
  }
}
