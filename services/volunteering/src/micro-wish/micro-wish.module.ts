import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CommunityModule } from '../community/community.module';
import { MicroWishResolver } from './micro-wish.resolver';
import { MICRO_WISH_MODEL, microWishSchema } from './micro-wish.schema';
import { MicroWishService } from './micro-wish.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: MICRO_WISH_MODEL, schema: microWishSchema }]),
    CommunityModule,
  ],
  providers: [MicroWishService, MicroWishResolver],
  exports: [MicroWishService],
})
export class MicroWishModule {}
