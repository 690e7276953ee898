import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { FundApplicationResolver } from './fund-application.resolver';
import { FundAllocationService } from './fund-allocation.service';
import { FundResolver } from './fund.resolver';
import {
  FUND_APPLICATION_MODEL,
  FUND_MODEL,
  fundApplicationSchema,
  fundSchema,
} from './fund.schema';
import { FundService } from './fund.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: FUND_MODEL, schema: fundSchema },
      { name: FUND_APPLICATION_MODEL, schema: fundApplicationSchema },
    ]),
    AccessModule,
  ],
  providers: [FundService, FundAllocationService, FundResolver, FundApplicationResolver],
})
export class FundModule {}
