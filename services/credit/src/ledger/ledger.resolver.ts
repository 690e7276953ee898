import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { badUserInput, paginate } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { CreditAccess } from '../access/credit-access';
import {
  ACCOUNT_KIND_LABELS,
  accountKey,
  type AccountKind,
  type AccountRef,
} from '../account/account';
import { optionalLedgerPeriodArg } from '../period/period';
import { EARN_ROLE_LABELS } from '../rules/scoring';
import { balanceDigest } from './balance-hash';
import { BalanceService } from './balance.service';
import {
  ENTRY_KIND_LABELS,
  LEDGER_ENTRY_MODEL,
  type LedgerEntry,
  type MonthTotal,
} from './ledger.schemas';
import { PointsLoader } from './points.loader';
import { WalletService } from './wallet.service';

const OBJECT_ID = /^[0-9a-f]{24}$/;

function accountArg(account: AccountRef): AccountRef {
  if (!OBJECT_ID.test(account.id))
    throw badUserInput([{ field: 'account.id', message: 'must be an id' }]);
  return account;
}

@Resolver('LedgerEntry')
export class LedgerResolver {
  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectConnection() private readonly connection: Connection,
    private readonly access: CreditAccess,
  ) {}

  @Query('ledgerEntries')
  async ledgerEntries(
    @Args('account') account: AccountRef,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const { kind, id } = accountArg(account);
    await this.access.assertCanRead(ctx, kind, id);
    return paginate(this.entries, { account: accountKey(kind, id) }, { first, after });
  }

  @Query('creditAccount')
  async creditAccount(@Args('account') account: AccountRef, @Context() ctx: GraphQLContext) {
    const { kind, id } = accountArg(account);
    await this.access.assertCanRead(ctx, kind, id);
    return { kind, id };
  }

  @Query('balanceHash')
  balanceHash(@Context() ctx: GraphQLContext) {
    this.access.assertGlobal(ctx.claims);
    return balanceDigest(this.connection.db!);
  }

  @ResolveField('id')
  id(@Parent() entry: LedgerEntry) {
    return String(entry._id);
  }

  @ResolveField('accountKindLabel')
  accountKindLabel(@Parent() entry: LedgerEntry) {
    return ACCOUNT_KIND_LABELS[entry.accountKind];
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() entry: LedgerEntry) {
    return ENTRY_KIND_LABELS[entry.kind];
  }

  @ResolveField('roleLabel')
  roleLabel(@Parent() entry: LedgerEntry) {
    return entry.role ? EARN_ROLE_LABELS[entry.role] : null;
  }

  @ResolveField('reversesEntryId')
  reversesEntryId(@Parent() entry: LedgerEntry) {
    return entry.reversesEntryId ? String(entry.reversesEntryId) : null;
  }
}

@Resolver('CreditAccount')
export class CreditAccountResolver {
  constructor(
    private readonly points: PointsLoader,
    private readonly balances: BalanceService,
    private readonly wallets: WalletService,
  ) {}

  @ResolveField('kindLabel')
  kindLabel(@Parent() account: AccountRef) {
    return ACCOUNT_KIND_LABELS[account.kind];
  }

  @ResolveField('points')
  pointsOf(
    @Parent() account: AccountRef,
    @Args('period') period: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.points.load(
      ctx,
      accountKey(account.kind, account.id),
      optionalLedgerPeriodArg(period),
    );
  }

  @ResolveField('months')
  async months(@Parent() account: AccountRef) {
    const months = await this.balances.months(accountKey(account.kind, account.id));
    return months.map((m: MonthTotal) => ({
      month: m.month,
      quarter: m.quarter,
      points: m.granted,
      requestedPoints: m.requested,
      cap: m.cap,
    }));
  }

  @ResolveField('available')
  async available(@Parent() account: AccountRef) {
    if (account.kind !== 'MEMBER') return null;
    return (await this.wallets.get(accountKey('MEMBER', account.id)))?.available ?? 0;
  }
}

/** The credit subgraph's fields on Member and Organization (references from the gateway). */
abstract class PointsFields {
  protected abstract readonly kind: AccountKind;

  constructor(
    protected readonly access: CreditAccess,
    protected readonly points: PointsLoader,
  ) {}

  protected async pointsOf(id: string, period: string | undefined, ctx: GraphQLContext) {
    await this.access.assertCanRead(ctx, this.kind, id);
    return this.points.load(ctx, accountKey(this.kind, id), optionalLedgerPeriodArg(period));
  }
}

@Resolver('Member')
export class MemberPointsResolver extends PointsFields {
  protected readonly kind = 'MEMBER' as const;

  constructor(
    access: CreditAccess,
    points: PointsLoader,
    private readonly wallets: WalletService,
  ) {
    super(access, points);
  }

  @ResolveField('points')
  memberPoints(
    @Parent() member: { id: string },
    @Args('period') period: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.pointsOf(member.id, period, ctx);
  }

  @ResolveField('availablePoints')
  async availablePoints(@Parent() member: { id: string }, @Context() ctx: GraphQLContext) {
    await this.access.assertCanRead(ctx, 'MEMBER', member.id);
    return (await this.wallets.get(accountKey('MEMBER', member.id)))?.available ?? 0;
  }
}

@Resolver('Organization')
export class OrganizationPointsResolver extends PointsFields {
  protected readonly kind = 'ORGANIZATION' as const;

  constructor(access: CreditAccess, points: PointsLoader) {
    super(access, points);
  }

  @ResolveField('points')
  organizationPoints(
    @Parent() org: { id: string },
    @Args('period') period: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.pointsOf(org.id, period, ctx);
  }
}
