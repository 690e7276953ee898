import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LedgerModule } from '../ledger/ledger.module';
import { CatalogueResolver, OrderResolver } from './redemption.resolver';
import {
  CATALOGUE_ITEM_MODEL,
  ORDER_MODEL,
  catalogueItemSchema,
  orderSchema,
} from './redemption.schemas';
import { RedemptionService } from './redemption.service';

@Module({
  imports: [
    LedgerModule,
    MongooseModule.forFeature([
      { name: CATALOGUE_ITEM_MODEL, schema: catalogueItemSchema },
      { name: ORDER_MODEL, schema: orderSchema },
    ]),
  ],
  providers: [RedemptionService, CatalogueResolver, OrderResolver],
})
export class RedemptionModule {}
