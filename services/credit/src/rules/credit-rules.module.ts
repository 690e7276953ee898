import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  CreditRulesResolver,
  MeetingPointsRuleResolver,
  PointsRuleResolver,
  ShareRuleResolver,
} from './credit-rules.resolver';
import { CREDIT_RULES_MODEL, creditRulesSchema } from './credit-rules.schema';
import { CreditRulesService } from './credit-rules.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: CREDIT_RULES_MODEL, schema: creditRulesSchema }])],
  providers: [
    CreditRulesService,
    CreditRulesResolver,
    MeetingPointsRuleResolver,
    PointsRuleResolver,
    ShareRuleResolver,
  ],
  exports: [CreditRulesService],
})
export class CreditRulesModule {}
