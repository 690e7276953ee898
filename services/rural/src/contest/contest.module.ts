import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { ContestResolver } from './contest.resolver';
import { CONTEST_MODEL, contestSchema } from './contest.schema';
import { ContestService } from './contest.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: CONTEST_MODEL, schema: contestSchema }]),
    AccessModule,
  ],
  providers: [ContestService, ContestResolver],
})
export class ContestModule {}
