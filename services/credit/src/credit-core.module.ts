import { Module } from '@nestjs/common';
import { KafkaModule } from '@jiceng/kafka';
import { MongoModule } from '@jiceng/mongo';
import { OrgProjectionModule } from '@jiceng/org-projection';
import { consumerGroups, creditGroupPrefix, SERVICE_NAME } from './credit.env';
import { FirmBonusModule } from './firm-bonus/firm-bonus.module';
import { LedgerModule } from './ledger/ledger.module';
import { RankingModule } from './ranking/ranking.module';
import { RedemptionModule } from './redemption/redemption.module';

export { SERVICE_NAME };

/**
 * Everything but the HTTP side: the projections, the ledger consumer, firm bonuses, rankings and
 * redemption. The subgraph serves it; the replay command runs it alone on a fresh database.
 */
@Module({
  imports: [
    MongoModule.forService(SERVICE_NAME),
    KafkaModule.forService(`jiceng-${SERVICE_NAME}`),
    OrgProjectionModule.forRoot({ groupId: consumerGroups(creditGroupPrefix()).orgTree }),
    LedgerModule,
    FirmBonusModule.register(),
    RankingModule,
    RedemptionModule,
  ],
})
export class CreditCoreModule {}
