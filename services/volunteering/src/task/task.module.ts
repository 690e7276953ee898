import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CommunityModule } from '../community/community.module';
import { TaskLoader } from './task.loader';
import { TaskResolver } from './task.resolver';
import { TASK_MODEL, taskSchema } from './task.schema';
import { TaskService } from './task.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: TASK_MODEL, schema: taskSchema }]), CommunityModule],
  providers: [TaskService, TaskLoader, TaskResolver],
  exports: [TaskService, TaskLoader],
})
export class TaskModule {}
