import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badUserInput, forbidden, pageSize } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { periodLabel } from '@jiceng/calendar';
import { CreditAccess } from '../access/credit-access';
import { ACCOUNT_KINDS, type AccountKind } from '../account/account';
import { LETTER_KIND_LABELS, type Letter, type LetterBatch } from './letter.schemas';
import { LettersService } from './letters.service';
import type { LetterKind, RankedStanding } from './ranking';
import { RankingService } from './ranking.service';
import { ledgerPeriodArg } from '../period/period';

const OBJECT_ID = /^[0-9a-f]{24}$/;

function idArg(id: string, field: string): string {
  if (!OBJECT_ID.test(id)) throw badUserInput([{ field, message: 'must be an id' }]);
  return id;
}

// Rankings are computed lists, so their cursors are positions, not document ids.
const encodeOffset = (n: number) => Buffer.from(`rank:${n}`).toString('base64url');
function decodeOffset(cursor: string): number {
  const match = /^rank:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw badUserInput([{ field: 'after', message: 'is not a cursor returned by this API' }]);
  return Number(match[1]);
}

interface RankingEntryView extends RankedStanding {
  accountKind: AccountKind;
}

const refs = (kind: AccountKind, id: string) => ({
  member: kind === 'MEMBER' ? { __typename: 'Member', id } : null,
  organization: kind === 'ORGANIZATION' ? { __typename: 'Organization', id } : null,
});

@Resolver('RankingEntry')
export class RankingResolver {
  constructor(
    private readonly rankings: RankingService,
    private readonly letters: LettersService,
    private readonly access: CreditAccess,
  ) {}

  @Query('rankings')
  async list(
    @Args('kind') kind: AccountKind,
    @Args('period') period: string,
    @Args('within') within: string,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    this.access.assertNotMember(ctx.claims, 'Rankings');
    if (kind === 'FIRM' || !ACCOUNT_KINDS.includes(kind))
      throw badUserInput([{ field: 'kind', message: 'ranks MEMBER or ORGANIZATION' }]);
    ledgerPeriodArg(period);
    await this.access.requireWithinScope(ctx, idArg(within, 'within'));
    const size = pageSize(first);
    const start = after ? decodeOffset(after) + 1 : 0;
    const ranking = await this.rankings.ranking(kind, period, within);
    const page = ranking.slice(start, start + size);
    return {
      edges: page.map((s, i) => ({
        cursor: encodeOffset(start + i),
        node: { ...s, accountKind: kind },
      })),
      pageInfo: {
        hasNextPage: start + size < ranking.length,
        endCursor: page.length ? encodeOffset(start + page.length - 1) : null,
      },
      totalCount: ranking.length,
    };
  }

  @Query('letters')
  async lettersOf(
    @Args('organizationId') organizationId: string,
    @Args('period') period: string | undefined,
    @Args('kind') kind: LetterKind | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    this.access.assertNotMember(ctx.claims, 'Letters');
    await this.access.requireWithinScope(ctx, idArg(organizationId, 'organizationId'));
    if (period) ledgerPeriodArg(period);
    return this.letters.list({ organizationId, period, kind }, { first, after });
  }

  @Mutation('generateLetters')
  async generate(
    @Args('period') period: string,
    @Args('organizationId') organizationId: string,
    @Context() ctx: GraphQLContext,
  ) {
    ledgerPeriodArg(period);
    idArg(organizationId, 'organizationId');
    const { role } = ctx.claims;
    if (role !== 'ADMIN' && role !== 'ORG_ADMIN')
      throw forbidden('Only ADMIN and ORG_ADMIN generate letters');
    await this.access.requireWithinScope(ctx, organizationId);
    return this.letters.generate(period, organizationId);
  }

  @ResolveField('accountId')
  accountId(@Parent() entry: RankingEntryView) {
    return entry.id;
  }

  @ResolveField('member')
  member(@Parent() entry: RankingEntryView) {
    return refs(entry.accountKind, entry.id).member;
  }

  @ResolveField('organization')
  organization(@Parent() entry: RankingEntryView) {
    return refs(entry.accountKind, entry.id).organization;
  }
}

@Resolver('Member')
export class MemberRankResolver {
  constructor(
    private readonly rankings: RankingService,
    private readonly access: CreditAccess,
  ) {}

  @ResolveField('rank')
  async rank(
    @Parent() member: { id: string },
    @Args('period') period: string,
    @Args('within') within: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    ledgerPeriodArg(period);
    await this.access.assertCanRead(ctx, 'MEMBER', member.id);
    const root = within ? idArg(within, 'within') : ctx.claims.orgId;
    if (!root) throw badUserInput([{ field: 'within', message: 'is required for your role' }]);
    await this.access.requireWithinScope(ctx, root);
    const ranking = await this.rankings.ranking('MEMBER', period, root);
    const found = ranking.find((s) => s.id === member.id);
    if (!found) return null;
    return {
      period,
      withinId: root,
      within: { __typename: 'Organization', id: root },
      rank: found.rank,
      points: found.points,
      participants: ranking.length,
    };
  }
}

@Resolver('Letter')
export class LetterResolver {
  @ResolveField('id')
  id(@Parent() letter: Letter) {
    return String(letter._id);
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() letter: Letter) {
    return LETTER_KIND_LABELS[letter.kind];
  }

  @ResolveField('periodLabel')
  periodLabel(@Parent() letter: Letter) {
    return periodLabel(letter.period);
  }

  @ResolveField('scopeId')
  scopeId(@Parent() letter: Letter) {
    return letter.scopeOrganizationId;
  }

  @ResolveField('scope')
  scope(@Parent() letter: Letter) {
    return { __typename: 'Organization', id: letter.scopeOrganizationId };
  }

  @ResolveField('member')
  member(@Parent() letter: Letter) {
    return refs(letter.recipientKind, letter.recipientId).member;
  }

  @ResolveField('organization')
  organization(@Parent() letter: Letter) {
    return refs(letter.recipientKind, letter.recipientId).organization;
  }
}

@Resolver('LetterBatch')
export class LetterBatchResolver {
  constructor(private readonly letters: LettersService) {}

  @ResolveField('id')
  id(@Parent() batch: LetterBatch) {
    return batch._id;
  }

  @ResolveField('thankYouCount')
  thankYouCount(@Parent() batch: LetterBatch) {
    return batch.letters.filter((l) => l.kind === 'THANK_YOU').length;
  }

  @ResolveField('reminderCount')
  reminderCount(@Parent() batch: LetterBatch) {
    return batch.letters.filter((l) => l.kind === 'REMINDER').length;
  }

  @ResolveField('letters')
  lettersOf(
    @Parent() batch: LetterBatch,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.letters.list(
      { organizationId: batch.organizationId, period: batch.period },
      { first, after },
    );
  }
}
