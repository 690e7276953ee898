import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { WorkerLoader } from './worker.loader';
import { WorkerResolver } from './worker.resolver';
import { WORKER_MODEL, workerSchema } from './worker.schema';
import { WorkerService } from './worker.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: WORKER_MODEL, schema: workerSchema }]),
    AccessModule,
  ],
  providers: [WorkerService, WorkerResolver, WorkerLoader],
  exports: [WorkerService, WorkerLoader],
})
export class WorkerModule {}
