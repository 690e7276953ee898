import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { hasGlobalScope, visibleOrNull, type Claims } from '@jiceng/auth';
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
import { pathOf, type OrgNode, OrgProjectionService } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { shanghaiToday } from '@jiceng/calendar';
import {
  birthDateOfIdNumber,
  genderOfIdNumber,
  idNumberProblem,
  normalizeIdNumber,
} from '../personal-data/id-number';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher';
import { normalizePhone } from '../personal-data/phone';
import type {
  AdvanceMemberStatusInput,
  LeavePartyInput,
  MemberFilter,
  RegisterMemberInput,
  UpdateMemberInput,
} from './dto/member.inputs';
import { canReadMember, managesPath, memberListScope } from './member-access';
import { dateProblems, registrationProblems, transitionProblems } from './member-steps';
import type { MemberStatus } from './member.enums';
import { allOf, filterQuery } from './member.queries';
import { membershipProblems } from './membership.rules';
import { MEMBER_MODEL, MEMBER_PROJECTION, type Member } from './member.schema';
import { MemberWriter, type MemberUpdate } from './member.writer';
import { MemberPager } from '../read-model/member-pager';
import { combine, heldCount, MemberCounters, type Totals } from '../read-model/member-counters';

// Members per `_id: {$in}` count when a filter needs the member documents.
const COUNT_CHUNK = 1000;
const day = (date: Date) => date.toISOString().slice(0, 10);

@Injectable()
export class MemberService {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly model: Model<Member>,
    private readonly writer: MemberWriter,
    private readonly cipher: PersonalDataCipher,
    private readonly orgs: OrgProjectionService,
    private readonly counters: MemberCounters,
    private readonly pager: MemberPager,
  ) {}

  // ---- reads ---------------------------------------------------------------------------

  findByIds(ids: readonly string[]): Promise<Member[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }, MEMBER_PROJECTION).lean<Member[]>();
  }

  async getReadable(
    id: string,
    claims: Claims,
    load: (id: string) => Promise<Member | null>,
  ): Promise<Member | null> {
    // The role is refused whatever the id; a member outside the caller's scope is null, as an
    // unknown one is (visibleOrNull).
    if (!memberListScope(claims)) throw forbidden('Your role does not read member records');
    return visibleOrNull(await load(id), (member) => canReadMember(claims, member));
  }

  /**
   * Members the caller may list, in an organization's subtree (or its own membership only,
   * with directOnly) when one is given; the organization was scope-checked by the caller. Pages
   * come from the organizations' rosters and counts from their counters (MemberPager): neither
   * sorts nor counts the members collection.
   */
  /** A page of members; `ctx` batches the subtree and counter reads of one request's lists. */
  async list(
    ctx: GraphQLContext,
    organizationId: Types.ObjectId | null,
    filter: MemberFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Member>> {
    const { claims } = ctx;
    const scope = memberListScope(claims);
    if (!scope) throw forbidden('Your role does not read member records');
    const query = allOf(scope, filterQuery(filter));
    // A MEMBER lists itself: one `_id` read.
    if (claims.role === 'MEMBER') return paginate(this.model, query, page, MEMBER_PROJECTION);
    const root =
      organizationId ?? (hasGlobalScope(claims) ? null : new Types.ObjectId(claims.orgId));
    const directOnly = !!organizationId && !!filter?.directOnly;
    const nodes = await this.counters.organizationsInRequest(ctx, root, directOnly);
    const ids = nodes.map((n) => String(n._id));
    const perOrganization = await this.counters.perOrganizationInRequest(ctx, ids);
    return this.pager.page(ids, perOrganization, query, page, () =>
      this.total(ids, perOrganization, filter, query),
    );
  }

  /** Members in a subtree, of one status or of every status but LEFT (counts are not records). */
  async count(organizationId: Types.ObjectId, status?: MemberStatus, directOnly?: boolean) {
    const totals = await this.counters.ofSubtree(organizationId, directOnly);
    return heldCount(totals, status ? [status] : undefined);
  }

  /**
   * A list's totalCount: from the counters for what they count (statuses, or gender or age band
   * alone); other filters are counted over the subtree's rosters by `_id`.
   */
  private async total(
    ids: string[],
    perOrganization: Map<string, Totals>,
    filter: MemberFilter | undefined,
    query: QueryFilter<Member>,
  ): Promise<number> {
    const totals = combine(perOrganization.values());
    const { statuses, gender, ageBand, directOnly: _d, ...others } = filter ?? {};
    const rest = Object.values(others).some((v) => v !== undefined && v !== null);
    if (!rest && !gender && !ageBand) return heldCount(totals, statuses ?? undefined);
    if (!rest && !statuses?.length && gender && !ageBand) return totals.get(`g.${gender}`) ?? 0;
    if (!rest && !statuses?.length && !gender && ageBand)
      return (await this.counters.ageBands(ids, totals, shanghaiToday()))[ageBand];
    const candidates = await this.pager.idsIn(ids.filter((id) => perOrganization.has(id)));
    const unique = [...new Set(candidates.map(String))].map((id) => new Types.ObjectId(id));
    const held = { organizationId: { $in: ids.map((id) => new Types.ObjectId(id)) } };
    let n = 0;
    for (let i = 0; i < unique.length; i += COUNT_CHUNK)
      n += await this.model.countDocuments({
        _id: { $in: unique.slice(i, i + COUNT_CHUNK) },
        $and: [query, held],
      });
    return n;
  }

  /**
   * Lookup by the keyed hash, for ADMIN and ORG_ADMIN. A member outside the caller's scope is
   * answered like an unknown number, so the lookup cannot probe who is registered elsewhere.
   */
  async byIdNumber(idNumber: string, claims: Claims): Promise<Member | null> {
    if (claims.role !== 'ADMIN' && claims.role !== 'ORG_ADMIN')
      throw forbidden('Only ADMIN and ORG_ADMIN look members up by ID number');
    const problem = idNumberProblem(idNumber);
    if (problem) throw badUserInput([{ field: 'idNumber', message: problem }]);
    const hash = this.cipher.hash('idNumber', normalizeIdNumber(idNumber));
    const member = await this.model
      .findOne({ idNumberHash: hash }, MEMBER_PROJECTION)
      .lean<Member>();
    return member && canReadMember(claims, member) ? member : null;
  }

  // ---- changes -------------------------------------------------------------------------

  async register(input: RegisterMemberInput, claims: Claims): Promise<Member> {
    const { member, effectiveAt } = await this.registration(input, claims);
    return this.writer.insert(member, { changedFields: ['*'], effectiveAt });
  }

  /**
   * What `register` would refuse, refused the same way (BAD_USER_INPUT with the fields,
   * FORBIDDEN), without writing; else whether the ID number is registered already (a re-import
   * leaves that member as it is). The id is given only when the caller may read that member.
   */
  async checkRegistration(
    input: RegisterMemberInput,
    claims: Claims,
  ): Promise<{ alreadyRegistered: boolean; existingMemberId: string | null }> {
    const { member } = await this.registration(input, claims);
    const existing = await this.model
      .findOne({ idNumberHash: member.idNumberHash }, MEMBER_PROJECTION)
      .lean<Member>();
    return {
      alreadyRegistered: !!existing,
      existingMemberId: existing && canReadMember(claims, existing) ? String(existing._id) : null,
    };
  }

  /** The member a registration would insert, once every rule has passed. */
  private async registration(
    input: RegisterMemberInput,
    claims: Claims,
  ): Promise<{ member: Omit<Member, 'outbox'>; effectiveAt: Date }> {
    const branch = await this.orgs.get(input.organizationId);
    if (!branch)
      throw badUserInput([
        { field: 'input.organizationId', message: 'is not a known organization' },
      ]);
    if (!managesPath(claims, pathOf(branch)))
      throw forbidden('You may only register members within your own subtree');
    const now = new Date();
    const idNumber = normalizeIdNumber(input.idNumber);
    const birthDate = birthDateOfIdNumber(idNumber);
    const gender = genderOfIdNumber(idNumber);
    const status = input.status ?? 'APPLICANT';
    const problems: FieldError[] = [
      ...membershipProblems('input.organizationId', branch),
      ...registrationProblems({ status, statusSince: input.statusSince, birthDate }, now),
    ];
    if (input.birthDate && input.birthDate !== day(birthDate))
      problems.push({ field: 'input.birthDate', message: 'does not match the ID number' });
    if (input.gender && input.gender !== gender)
      problems.push({ field: 'input.gender', message: 'does not match the ID number' });
    const unit = await this.unitOf(input.unitOrganizationId, input.inService ?? false, problems);
    if (problems.length) throw badUserInput(problems);

    const phone = input.phone ? normalizePhone(input.phone) : undefined;
    const member: Omit<Member, 'outbox'> = {
      _id: new Types.ObjectId(),
      organizationId: branch._id,
      organizationPath: pathOf(branch),
      name: input.name.trim(),
      gender,
      birthDate,
      idNumber: this.cipher.encrypt('idNumber', idNumber),
      idNumberHash: this.cipher.hash('idNumber', idNumber),
      ...(phone && {
        phone: this.cipher.encrypt('phone', phone),
        phoneHash: this.cipher.hash('phone', phone),
      }),
      status,
      statusSince: input.statusSince,
      statusHistory: [
        { from: null, to: status, at: input.statusSince, by: claims.sub, recordedAt: now },
      ],
      employer: input.employer?.trim(),
      occupation: input.occupation?.trim(),
      tags: input.tags ?? [],
      inService: input.inService ?? false,
      ...(unit && { unitOrganizationId: unit._id, unitOrganizationPath: pathOf(unit) }),
      floatingHistory: [],
      communityReportHistory: [],
      transfers: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return { member, effectiveAt: input.statusSince };
  }

  async update(input: UpdateMemberInput, claims: Claims): Promise<Member> {
    const member = await this.getManageable(input.id, claims);
    const update: Required<Pick<MemberUpdate, 'set' | 'unset'>> = { set: {}, unset: [] };
    if (input.phone !== undefined) {
      const phone = normalizePhone(input.phone);
      update.set.phone = this.cipher.encrypt('phone', phone);
      update.set.phoneHash = this.cipher.hash('phone', phone);
    }
    if (input.employer !== undefined) update.set.employer = input.employer.trim();
    if (input.occupation !== undefined) update.set.occupation = input.occupation.trim();
    if (input.tags !== undefined) update.set.tags = input.tags;
    const inService = input.inService ?? member.inService;
    const problems: FieldError[] = [];
    if (!inService && member.communityReport)
      problems.push({
        field: 'input.inService',
        message: 'the member still reports to a community; end that double report first',
      });
    const unit = await this.unitOf(input.unitOrganizationId, inService, problems);
    if (problems.length) throw badUserInput(problems);
    if (input.inService !== undefined) update.set.inService = inService;
    if (unit)
      Object.assign(update.set, {
        unitOrganizationId: unit._id,
        unitOrganizationPath: pathOf(unit),
      });
    if (!inService && member.unitOrganizationId)
      update.unset.push('unitOrganizationId', 'unitOrganizationPath');
    const changedFields = [...Object.keys(update.set), ...update.unset].filter(
      (f) => f !== 'phoneHash' && f !== 'unitOrganizationPath',
    );
    if (!changedFields.length) return member;
    return this.writer.commit(member, update, 'updated', {
      changedFields,
      effectiveAt: new Date(),
    });
  }

  async changeStatus(input: AdvanceMemberStatusInput, claims: Claims): Promise<Member> {
    const member = await this.getManageable(input.memberId, claims);
    if (member.status === 'LEFT')
      throw conflict(`Member ${input.memberId} has left the party; the record is closed`);
    const problems = transitionProblems(member, input, new Date());
    if (problems.length) throw badUserInput(problems);
    // Written by MemberWriter, not transition(): every member write is guarded by the version
    // read (a concurrent step or edit loses), and the writer counts the change for the read model.
    const reason = input.reason?.trim();
    return this.writer.commit(
      member,
      {
        set: { status: input.to, statusSince: input.at },
        push: {
          statusHistory: {
            from: member.status,
            to: input.to,
            at: input.at,
            by: claims.sub,
            ...(reason && { reason }),
            recordedAt: new Date(),
          },
        },
      },
      'statusChanged',
      { changedFields: ['status'], effectiveAt: input.at, previousStatus: member.status },
    );
  }

  /** 退党、除名、开除党籍: closes the record; a floating assignment and a community report end too. */
  async leave(input: LeavePartyInput, claims: Claims): Promise<Member> {
    const member = await this.getManageable(input.memberId, claims);
    if (member.status === 'LEFT') throw conflict(`Member ${input.memberId} has already left`);
    if (member.pendingTransfer)
      throw conflict(`Member ${input.memberId} has a pending transfer; decide it first`);
    const problems = dateProblems('input.at', input.at, member.statusSince, new Date());
    if (problems.length) throw badUserInput(problems);
    const update: MemberUpdate = {
      set: { status: 'LEFT', statusSince: input.at },
      unset: [],
      push: {
        statusHistory: {
          from: member.status,
          to: 'LEFT',
          at: input.at,
          by: claims.sub,
          reason: input.reason.trim(),
          recordedAt: new Date(),
        },
      },
    };
    if (member.floating) {
      update.unset!.push('floating');
      update.push!.floatingHistory = { ...member.floating, to: input.at };
    }
    if (member.communityReport) {
      update.unset!.push('communityReport');
      update.push!.communityReportHistory = { ...member.communityReport, until: input.at };
    }
    return this.writer.commit(member, update, 'left', {
      changedFields: ['status', ...update.unset!],
      effectiveAt: input.at,
      previousStatus: member.status,
    });
  }

  /** A member the caller may change: ADMIN, or an ORG_ADMIN of the home branch or above. */
  async getManageable(id: string, claims: Claims): Promise<Member> {
    const member = await this.model.findById(id, MEMBER_PROJECTION).lean<Member>();
    if (!member) throw notFound('Member', id);
    if (!managesPath(claims, member.organizationPath))
      throw forbidden(`You may not change member ${id}`);
    return member;
  }

  private async unitOf(
    unitOrganizationId: string | undefined,
    inService: boolean,
    problems: FieldError[],
  ): Promise<OrgNode | null> {
    if (!unitOrganizationId) return null;
    const unit = await this.orgs.get(unitOrganizationId);
    if (!unit)
      problems.push({ field: 'input.unitOrganizationId', message: 'is not a known organization' });
    if (!inService)
      problems.push({ field: 'input.inService', message: 'must be true for a unit organization' });
    return unit;
  }
}
