import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ProjectionsModule } from '../projections/projections.module';
import { CreditRulesModule } from '../rules/credit-rules.module';
import { AttendanceLedgerService } from './attendance-ledger.service';
import { BalanceService } from './balance.service';
import { BonusLedgerService } from './bonus-ledger.service';
import { CheckInLedgerService } from './checkin-ledger.service';
import { HouseholdVisitLedgerService } from './household-visit-ledger.service';
import { LedgerWriter } from './ledger-writer.service';
import { LedgerConsumer } from './ledger.consumer';
import {
  CreditAccountResolver,
  LedgerResolver,
  MemberPointsResolver,
  OrganizationPointsResolver,
} from './ledger.resolver';
import { PointsLoader } from './points.loader';
import { StationVisitLedgerService } from './station-visit-ledger.service';
import { CreditAccess } from '../access/credit-access';
import {
  APPLICATION_MODEL,
  CLAIM_STATE_MODEL,
  LEDGER_ENTRY_MODEL,
  MEETING_TOTAL_MODEL,
  MONTH_TOTAL_MODEL,
  PARKED_CHECKIN_MODEL,
  WALLET_MODEL,
  applicationSchema,
  claimStateSchema,
  ledgerEntrySchema,
  meetingTotalSchema,
  monthTotalSchema,
  parkedCheckInsSchema,
  walletSchema,
} from './ledger.schemas';
import { WalletService } from './wallet.service';

const models = MongooseModule.forFeature([
  { name: LEDGER_ENTRY_MODEL, schema: ledgerEntrySchema },
  { name: APPLICATION_MODEL, schema: applicationSchema },
  { name: MONTH_TOTAL_MODEL, schema: monthTotalSchema },
  { name: MEETING_TOTAL_MODEL, schema: meetingTotalSchema },
  { name: WALLET_MODEL, schema: walletSchema },
  { name: CLAIM_STATE_MODEL, schema: claimStateSchema },
  { name: PARKED_CHECKIN_MODEL, schema: parkedCheckInsSchema },
]);

@Module({
  imports: [models, ProjectionsModule, CreditRulesModule],
  providers: [
    LedgerWriter,
    WalletService,
    BalanceService,
    CheckInLedgerService,
    StationVisitLedgerService,
    AttendanceLedgerService,
    BonusLedgerService,
    HouseholdVisitLedgerService,
    LedgerConsumer,
    CreditAccess,
    PointsLoader,
    LedgerResolver,
    CreditAccountResolver,
    MemberPointsResolver,
    OrganizationPointsResolver,
  ],
  exports: [
    models,
    ProjectionsModule,
    CreditRulesModule,
    LedgerWriter,
    WalletService,
    BalanceService,
    LedgerConsumer,
    CheckInLedgerService,
    CreditAccess,
    PointsLoader,
  ],
})
export class LedgerModule {}
