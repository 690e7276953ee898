import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
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
import { createOrConflict, updateOrConflict } from '@jiceng/workflow';
import { OutboxRelays } from '@jiceng/outbox';
import { CounterSync } from '../read-model/counter-sync';
import { MemberCounters, sumOf } from '../read-model/member-counters';
import { managesPath, relatedListScope } from '../member/member-access';
import { dateProblems } from '../member/member-steps';
import { DOUBLE_REPORT_KIND_LABELS } from '../member/member.enums';
import { MEMBER_MODEL, MEMBER_PROJECTION, type Member } from '../member/member.schema';
import { allOf } from '../member/member.queries';
import { memberReportView, orgRef } from '../member/member.views';
import { MemberWriter } from '../member/member.writer';
import { pathOf, type OrgNode, OrgProjectionService } from '@jiceng/org-projection';
import type { EndDoubleReportInput, RegisterDoubleReportInput } from './dto/double-report.inputs';
import { unitReportRecord } from './unit-double-report.events';
import {
  UNIT_DOUBLE_REPORT_MODEL,
  UNIT_REPORT_PROJECTION,
  type UnitDoubleReport,
} from './unit-double-report.schema';

export const unitReportView = (report: UnitDoubleReport) => ({
  id: String(report._id),
  kind: 'UNIT' as const,
  kindLabel: DOUBLE_REPORT_KIND_LABELS.UNIT,
  community: orgRef(report.communityId),
  member: null,
  unit: orgRef(report.unitOrganizationId),
  since: report.since,
  until: report.until ?? null,
  active: !report.until,
});
export type DoubleReportView =
  ReturnType<typeof unitReportView> | ReturnType<typeof memberReportView>;

function mapConnection<T, U>(connection: Connection<T>, map: (node: T) => U) {
  return { ...connection, edges: connection.edges.map((e) => ({ ...e, node: map(e.node) })) };
}

@Injectable()
export class DoubleReportService {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly members: Model<Member>,
    @InjectModel(UNIT_DOUBLE_REPORT_MODEL) private readonly units: Model<UnitDoubleReport>,
    private readonly writer: MemberWriter,
    private readonly orgs: OrgProjectionService,
    private readonly relay: OutboxRelays,
    private readonly counterSync: CounterSync,
    private readonly counters: MemberCounters,
  ) {}

  async register(input: RegisterDoubleReportInput, claims: Claims): Promise<DoubleReportView> {
    if (!input.memberId === !input.unitOrganizationId) {
      const message = 'give exactly one of memberId and unitOrganizationId';
      throw badUserInput([
        { field: 'input.memberId', message },
        { field: 'input.unitOrganizationId', message },
      ]);
    }
    const community = await this.orgs.get(input.communityId);
    const problems: FieldError[] = [...dateProblems('input.since', input.since, null, new Date())];
    if (!community || community.sector !== 'COMMUNITY' || community.status !== 'ACTIVE')
      problems.push({
        field: 'input.communityId',
        message: 'is not an active community (sector COMMUNITY)',
      });
    return input.memberId
      ? this.registerMember(input.memberId, community, input.since, problems, claims)
      : this.registerUnit(
          input.unitOrganizationId as string,
          community,
          input.since,
          problems,
          claims,
        );
  }

  async end(input: EndDoubleReportInput, claims: Claims): Promise<DoubleReportView> {
    if (!Types.ObjectId.isValid(input.id)) throw notFound('DoubleReport', input.id);
    const id = new Types.ObjectId(input.id);
    const member = await this.members
      .findOne({ 'communityReport._id': id }, MEMBER_PROJECTION)
      .lean<Member>();
    if (member?.communityReport) {
      const report = member.communityReport;
      if (!this.mayRegisterMember(claims, member) && !managesPath(claims, report.communityPath))
        throw forbidden('You may not end this registration');
      const problems = dateProblems(
        'input.until',
        input.until,
        report.since,
        new Date(),
        'the registration began',
      );
      if (problems.length) throw badUserInput(problems);
      const ended = { ...report, until: input.until };
      const saved = await this.writer.commit(
        member,
        { unset: ['communityReport'], push: { communityReportHistory: ended } },
        'doubleReportEnded',
        { changedFields: ['communityReport'], effectiveAt: input.until },
      );
      return memberReportView(saved, ended);
    }
    const unit = await this.units.findById(id, UNIT_REPORT_PROJECTION).lean<UnitDoubleReport>();
    if (!unit) throw notFound('DoubleReport', input.id);
    if (!managesPath(claims, unit.unitPath) && !managesPath(claims, unit.communityPath))
      throw forbidden('You may not end this registration');
    if (unit.until) throw conflict(`Registration ${input.id} has already ended`);
    const problems = dateProblems(
      'input.until',
      input.until,
      unit.since,
      new Date(),
      'the registration began',
    );
    if (problems.length) throw badUserInput(problems);
    const next = { ...unit, until: input.until, version: unit.version + 1, updatedAt: new Date() };
    await updateOrConflict(
      this.units,
      { _id: unit._id, version: unit.version },
      {
        $set: { until: next.until, version: next.version, updatedAt: next.updatedAt },
        $unset: { activeKey: 1 },
        $push: { outbox: unitReportRecord('ended', next) },
      },
      `Registration ${input.id} was changed concurrently; read it again and retry`,
      { relay: this.relay },
    );
    await this.counterSync.afterWrite('unitReport', unit._id);
    return unitReportView(next);
  }

  // ---- lists (the organization was scope-checked by the caller) --------------------------

  /** In-service members reporting to communities in a subtree, optionally of units under one node. */
  async reportingMembers(
    claims: Claims,
    organizationId: Types.ObjectId,
    unitWithin: Types.ObjectId | null,
    page: PageArgs,
  ): Promise<Connection<Member>> {
    const query: QueryFilter<Member> = { 'communityReport.communityPath': organizationId };
    if (unitWithin) query.unitOrganizationPath = unitWithin;
    const connection = await paginate<Member>(
      this.members,
      allOf(this.scope(claims), query),
      page,
      MEMBER_PROJECTION,
    );
    return this.countedUnlessSelf(claims, connection, () =>
      this.byUnit(organizationId, 'rm.', unitWithin),
    );
  }

  /** Active unit registrations with communities in a subtree, optionally of units under one node. */
  async reportingUnits(
    organizationId: Types.ObjectId,
    unitWithin: Types.ObjectId | null,
    page: PageArgs,
  ) {
    const query: QueryFilter<UnitDoubleReport> = {
      communityPath: organizationId,
      activeKey: { $exists: true },
    };
    if (unitWithin) query.unitPath = unitWithin;
    const connection = await paginate<UnitDoubleReport>(
      this.units,
      query,
      page,
      UNIT_REPORT_PROJECTION,
    );
    return mapConnection(
      { ...connection, totalCount: () => this.byUnit(organizationId, 'ur.', unitWithin) },
      unitReportView,
    );
  }

  /** Where a subtree reports as a unit: its own registrations, or its in-service members'. */
  async unitReports(
    claims: Claims,
    organizationId: Types.ObjectId,
    kind: 'MEMBER' | 'UNIT',
    page: PageArgs,
  ) {
    if (kind === 'UNIT') {
      const query = { unitPath: organizationId, activeKey: { $exists: true } };
      const connection = await paginate<UnitDoubleReport>(
        this.units,
        query,
        page,
        UNIT_REPORT_PROJECTION,
      );
      return mapConnection(
        { ...connection, totalCount: () => this.subtreeField(organizationId, 'uu') },
        unitReportView,
      );
    }
    const query = allOf(this.scope(claims), {
      unitOrganizationPath: organizationId,
      communityReport: { $exists: true },
    });
    const connection = await paginate<Member>(this.members, query, page, MEMBER_PROJECTION);
    return mapConnection(
      this.countedUnlessSelf(claims, connection, () => this.subtreeField(organizationId, 'ru')),
      (m) => memberReportView(m, m.communityReport!),
    );
  }

  // ---- counts from the per-organization counters (never a scan of the members) ------------

  /** Registrations with communities in a subtree, of units under `unitWithin` if given. */
  private async byUnit(
    root: Types.ObjectId,
    prefix: 'rm.' | 'ur.',
    unitWithin: Types.ObjectId | null,
  ): Promise<number> {
    const totals = await this.counters.ofSubtree(root);
    if (!unitWithin) return sumOf(totals, prefix);
    const units = new Set(
      (await this.counters.organizations(unitWithin)).map((n) => String(n._id)),
    );
    return sumOf(totals, prefix, (unit) => units.has(unit));
  }

  private async subtreeField(root: Types.ObjectId, field: 'ru' | 'uu'): Promise<number> {
    return (await this.counters.ofSubtree(root)).get(field) ?? 0;
  }

  /** A MEMBER's list holds at most itself: its count stays the list's own. */
  private countedUnlessSelf<T>(
    claims: Claims,
    connection: Connection<T>,
    total: () => Promise<number>,
  ): Connection<T> {
    return claims.role === 'MEMBER' ? connection : { ...connection, totalCount: total };
  }

  private scope(claims: Claims): QueryFilter<Member> {
    const scope = relatedListScope(claims);
    if (!scope) throw forbidden('Your role does not read member records');
    return scope;
  }

  private mayRegisterMember(claims: Claims, member: Member): boolean {
    return (
      (claims.role === 'MEMBER' && claims.memberId === String(member._id)) ||
      managesPath(claims, member.organizationPath) ||
      (member.unitOrganizationPath !== undefined &&
        managesPath(claims, member.unitOrganizationPath))
    );
  }

  private async registerMember(
    memberId: string,
    community: OrgNode | null,
    since: Date,
    problems: FieldError[],
    claims: Claims,
  ): Promise<DoubleReportView> {
    const member = await this.members.findById(memberId, MEMBER_PROJECTION).lean<Member>();
    if (!member) throw notFound('Member', memberId);
    if (!this.mayRegisterMember(claims, member))
      throw forbidden('Only the member, or an admin of its branch or unit, may register it');
    if (!member.inService || member.status === 'LEFT')
      problems.push({
        field: 'input.memberId',
        message: 'is not an in-service member (inService)',
      });
    if (problems.length) throw badUserInput(problems);
    if (member.communityReport)
      throw conflict(
        `Member ${memberId} already reports to a community; end that registration first`,
      );
    const report = {
      _id: new Types.ObjectId(),
      communityId: community!._id,
      communityPath: pathOf(community!),
      since,
      by: claims.sub,
    };
    const saved = await this.writer.commit(
      member,
      { set: { communityReport: report } },
      'doubleReportRegistered',
      { changedFields: ['communityReport'], effectiveAt: since },
    );
    return memberReportView(saved, report);
  }

  private async registerUnit(
    unitOrganizationId: string,
    community: OrgNode | null,
    since: Date,
    problems: FieldError[],
    claims: Claims,
  ): Promise<DoubleReportView> {
    const unit = await this.orgs.get(unitOrganizationId);
    if (!unit)
      throw badUserInput([
        { field: 'input.unitOrganizationId', message: 'is not a known organization' },
      ]);
    if (!managesPath(claims, pathOf(unit)))
      throw forbidden('Only an admin of the unit organization may register it');
    if (unit.status !== 'ACTIVE')
      problems.push({ field: 'input.unitOrganizationId', message: 'is dissolved' });
    if (problems.length) throw badUserInput(problems);
    const now = new Date();
    const report: UnitDoubleReport = {
      _id: new Types.ObjectId(),
      unitOrganizationId: unit._id,
      unitPath: pathOf(unit),
      communityId: community!._id,
      communityPath: pathOf(community!),
      since,
      activeKey: `${unit._id}:${community!._id}`,
      by: claims.sub,
      version: 1,
      createdAt: now,
      updatedAt: now,
      outbox: [],
    };
    await createOrConflict(
      this.units,
      { ...report, outbox: [unitReportRecord('registered', report)] },
      'This unit is already registered with this community',
      this.relay,
    );
    await this.counterSync.afterWrite('unitReport', report._id);
    return unitReportView(report);
  }
}
