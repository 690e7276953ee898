import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { forbidden } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { MEETING_KINDS_V1, MEETING_KIND_LABELS } from '@jiceng/events';
import type { CreditRuleSet, MeetingPointsRule, PointsRule, ShareRule } from './credit-rules';
import { CreditRulesService } from './credit-rules.service';
import { PublishCreditRulesInput } from './dto/credit-rules.inputs';
import { ruleFromInput } from './publish-input';

export const BASIS_LABELS = { TASK: '按任务积分', HOURS: '按服务时长' } as const;
export const SHARE_LABELS = { NONE: '不计分', FRACTION: '按比例', FIXED: '固定积分' } as const;

@Resolver('CreditRuleSet')
export class CreditRulesResolver {
  constructor(private readonly rules: CreditRulesService) {}

  @Query('creditRules')
  list() {
    return this.rules.all();
  }

  @Mutation('publishCreditRules')
  publish(@Args('input') input: PublishCreditRulesInput, @Context() ctx: GraphQLContext) {
    if (ctx.claims.role !== 'ADMIN') throw forbidden('Only ADMIN publishes credit rules');
    const { rule, fields } = ruleFromInput(input);
    return this.rules.publish(rule, fields);
  }

  @ResolveField('monthlyCaps')
  monthlyCaps(@Parent() rule: CreditRuleSet) {
    return {
      member: rule.monthlyCaps.MEMBER,
      organization: rule.monthlyCaps.ORGANIZATION,
      firm: rule.monthlyCaps.FIRM,
    };
  }
}

@Resolver('MeetingPointsRule')
export class MeetingPointsRuleResolver {
  // Every kind of the contract in its order (a rule holds them all: storedRule fills the
  // defaults in); a code the enum lacks would not serialize, so only the contract's are listed.
  @ResolveField('perKind')
  perKind(@Parent() rule: MeetingPointsRule) {
    return MEETING_KINDS_V1.map((kind) => ({
      kind,
      kindLabel: MEETING_KIND_LABELS[kind],
      points: rule.perKind[kind],
    }));
  }
}

@Resolver('PointsRule')
export class PointsRuleResolver {
  @ResolveField('basisLabel')
  basisLabel(@Parent() rule: PointsRule) {
    return BASIS_LABELS[rule.basis];
  }
}

@Resolver('ShareRule')
export class ShareRuleResolver {
  @ResolveField('modeLabel')
  modeLabel(@Parent() rule: ShareRule) {
    return SHARE_LABELS[rule.mode];
  }
}
