import {
  Args,
  Context,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrgAccess } from '@jiceng/org-access';
import { shanghaiToday } from '@jiceng/calendar';
import { maskIdNumber, maskPhone } from '../personal-data/masking';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher';
import { RevealAudit } from '../reveal-audit/reveal-audit.service';
import { ageBandOf, ageOn } from './age';
import {
  AdvanceMemberStatusInput,
  LeavePartyInput,
  MemberFilter,
  RegisterMemberInput,
  UpdateMemberInput,
} from './dto/member.inputs';
import { seesPersonalData } from './member-access';
import { AGE_BAND_LABELS, GENDER_LABELS, MEMBER_STATUS_LABELS } from './member.enums';
import { MemberLoader } from './member.loader';
import type { Member, StatusChange } from './member.schema';
import { MemberService } from './member.service';
import { floatingView, memberReportView, orgRef, transferView } from './member.views';

/** The operation a field is read in, for the record of a reveal. */
const operationOf = (info: GraphQLResolveInfo) =>
  `${info.operation.operation} ${info.operation.name?.value ?? 'anonymous'}`;

@Resolver('Member')
export class MemberResolver {
  constructor(
    private readonly members: MemberService,
    private readonly loader: MemberLoader,
    private readonly access: OrgAccess,
    private readonly cipher: PersonalDataCipher,
    private readonly reveals: RevealAudit,
  ) {}

  @Query('member')
  member(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.members.getReadable(id, ctx.claims, (i) => this.loader.load(ctx, i));
  }

  @Query('members')
  async list(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: MemberFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    let within = null;
    if (organizationId) {
      within = (await this.access.requireKnownWithinScope(ctx, organizationId))._id;
    }
    return this.members.list(ctx, within, filter, { first, after });
  }

  @Query('memberByIdNumber')
  byIdNumber(@Args('idNumber') idNumber: string, @Context() ctx: GraphQLContext) {
    return this.members.byIdNumber(idNumber, ctx.claims);
  }

  @Query('memberRegistrationCheck')
  checkRegistration(@Args('input') input: RegisterMemberInput, @Context() ctx: GraphQLContext) {
    return this.members.checkRegistration(input, ctx.claims);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.members.getReadable(reference.id, ctx.claims, (i) => this.loader.load(ctx, i));
  }

  @Mutation('registerMember')
  register(@Args('input') input: RegisterMemberInput, @Context() ctx: GraphQLContext) {
    return this.members.register(input, ctx.claims);
  }

  @Mutation('updateMember')
  update(@Args('input') input: UpdateMemberInput, @Context() ctx: GraphQLContext) {
    return this.members.update(input, ctx.claims);
  }

  @Mutation('advanceMemberStatus')
  advance(@Args('input') input: AdvanceMemberStatusInput, @Context() ctx: GraphQLContext) {
    return this.members.changeStatus(input, ctx.claims);
  }

  @Mutation('leaveParty')
  leave(@Args('input') input: LeavePartyInput, @Context() ctx: GraphQLContext) {
    return this.members.leave(input, ctx.claims);
  }

  // ---- fields --------------------------------------------------------------------------

  @ResolveField('id')
  id(@Parent() member: Member) {
    return String(member._id);
  }

  @ResolveField('genderLabel')
  genderLabel(@Parent() member: Member) {
    return GENDER_LABELS[member.gender];
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() member: Member) {
    return MEMBER_STATUS_LABELS[member.status];
  }

  @ResolveField('personalDataMasked')
  masked(@Parent() member: Member, @Context() ctx: GraphQLContext) {
    return !seesPersonalData(ctx.claims, member);
  }

  // A full ID number or phone is shown only once its reveal is recorded (reveal-audit).
  @ResolveField('idNumber')
  async idNumber(
    @Parent() member: Member,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const value = this.cipher.decrypt('idNumber', member.idNumber);
    if (!seesPersonalData(ctx.claims, member)) return maskIdNumber(value);
    await this.reveals.record(ctx, { member, field: 'idNumber', operation: operationOf(info) });
    return value;
  }

  @ResolveField('phone')
  async phone(
    @Parent() member: Member,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!member.phone) return null;
    const value = this.cipher.decrypt('phone', member.phone);
    if (!seesPersonalData(ctx.claims, member)) return maskPhone(value);
    await this.reveals.record(ctx, { member, field: 'phone', operation: operationOf(info) });
    return value;
  }

  @ResolveField('birthDate')
  birthDate(@Parent() member: Member, @Context() ctx: GraphQLContext) {
    return seesPersonalData(ctx.claims, member)
      ? member.birthDate.toISOString().slice(0, 10)
      : null;
  }

  // The exact age gives the birth date away to within a year: it goes with the birth date, and
  // whoever gets that masked gets the band only.
  @ResolveField('age')
  age(@Parent() member: Member, @Context() ctx: GraphQLContext) {
    return seesPersonalData(ctx.claims, member) ? ageOn(member.birthDate, shanghaiToday()) : null;
  }

  @ResolveField('ageBand')
  ageBand(@Parent() member: Member) {
    return ageBandOf(ageOn(member.birthDate, shanghaiToday()));
  }

  @ResolveField('ageBandLabel')
  ageBandLabel(@Parent() member: Member) {
    return AGE_BAND_LABELS[ageBandOf(ageOn(member.birthDate, shanghaiToday()))];
  }

  @ResolveField('statusHistory')
  statusHistory(@Parent() member: Member, @Context() ctx: GraphQLContext) {
    const reasons = seesPersonalData(ctx.claims, member);
    return (member.statusHistory ?? []).map((change: StatusChange) => ({
      from: change.from,
      fromLabel: change.from ? MEMBER_STATUS_LABELS[change.from] : null,
      to: change.to,
      toLabel: MEMBER_STATUS_LABELS[change.to],
      at: change.at,
      reason: reasons ? (change.reason ?? null) : null,
      recordedAt: change.recordedAt,
    }));
  }

  @ResolveField('organizationId')
  organizationId(@Parent() member: Member) {
    return String(member.organizationId);
  }

  @ResolveField('organization')
  organization(@Parent() member: Member) {
    return orgRef(member.organizationId);
  }

  @ResolveField('tags')
  tags(@Parent() member: Member) {
    return member.tags ?? [];
  }

  @ResolveField('unitOrganizationId')
  unitOrganizationId(@Parent() member: Member) {
    return member.unitOrganizationId ? String(member.unitOrganizationId) : null;
  }

  @ResolveField('unitOrganization')
  unitOrganization(@Parent() member: Member) {
    return member.unitOrganizationId ? orgRef(member.unitOrganizationId) : null;
  }

  @ResolveField('floating')
  floating(@Parent() member: Member) {
    return member.floating ? floatingView(member.floating) : null;
  }

  @ResolveField('floatingHistory')
  floatingHistory(@Parent() member: Member) {
    return (member.floatingHistory ?? []).map(floatingView);
  }

  @ResolveField('doubleReport')
  doubleReport(@Parent() member: Member) {
    return member.communityReport ? memberReportView(member, member.communityReport) : null;
  }

  @ResolveField('doubleReportHistory')
  doubleReportHistory(@Parent() member: Member) {
    return (member.communityReportHistory ?? []).map((r) => memberReportView(member, r));
  }

  @ResolveField('pendingTransfer')
  pendingTransfer(@Parent() member: Member) {
    return member.pendingTransfer ? transferView(member, member.pendingTransfer) : null;
  }

  @ResolveField('transfers')
  transfers(@Parent() member: Member) {
    const all = [
      ...(member.transfers ?? []),
      ...(member.pendingTransfer ? [member.pendingTransfer] : []),
    ];
    return all.map((t) => transferView(member, t));
  }
}
