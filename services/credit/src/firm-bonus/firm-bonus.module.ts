import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule, OutboxRelays } from '@jiceng/outbox';
import { creditEnv } from '../credit.env';
import { LedgerModule } from '../ledger/ledger.module';
import {
  FirmCreditBonusResolver,
  FirmCreditResolver,
  OrganizationCreditBonusResolver,
} from './firm-bonus.resolver';
import { FIRM_BONUS_MODEL, firmBonusSchema } from './firm-bonus.schema';
import { FirmBonusService } from './firm-bonus.service';

const models = MongooseModule.forFeature([{ name: FIRM_BONUS_MODEL, schema: firmBonusSchema }]);

/** Stands in for the relays when events are not published (a replay): records stay queued. */
const silentRelays: Provider = {
  provide: OutboxRelays,
  useValue: { kick: () => undefined, drain: async () => 0 },
};

@Module({})
export class FirmBonusModule {
  static register(): DynamicModule {
    const publish = creditEnv().publishEvents;
    return {
      module: FirmBonusModule,
      imports: [
        models,
        LedgerModule,
        ...(publish ? [OutboxModule.forModels(models, [FIRM_BONUS_MODEL])] : []),
      ],
      providers: [
        FirmBonusService,
        FirmCreditResolver,
        FirmCreditBonusResolver,
        OrganizationCreditBonusResolver,
        ...(publish ? [] : [silentRelays]),
      ],
      exports: [FirmBonusService],
    };
  }
}
