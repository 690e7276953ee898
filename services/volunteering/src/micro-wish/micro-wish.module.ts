import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgProjectionModule } from '../org-projection/org-projection.module';
import { MicroWishResolver } from './micro-wish.resolver';
import { MICRO_WISH_MODEL, microWishSchema } from './micro-wish.schema';
import { MicroWishService } from './micro-wish.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: MICRO_WISH_MODEL, schema: microWishSchema }]),
    OrgProjectionModule,
  ],
  providers: [MicroWishService, MicroWishResolver],
  exports: [MicroWishService],
})
export class MicroWishModule {}
